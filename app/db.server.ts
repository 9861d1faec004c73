// The app's one Prisma client. It runs on Prisma's JS engine through our node:sqlite driver
// adapter (docs/decisions/002-offline-prisma.md), so no engine binary is downloaded.
import { PrismaClient } from "@prisma/client";
import { sqliteFileUrl } from "./database-url";
import { appEnv } from "./env.server";
import { PrismaNodeSqlite } from "./node-sqlite-adapter.server";

declare global {
  // Remix's dev server re-imports modules on change; reuse one client instead of leaking them.
  var __delayDeskPrisma: PrismaClient | undefined;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaNodeSqlite({ path: sqliteFileUrl(databaseUrl) }) });
}

const prisma: PrismaClient = (globalThis.__delayDeskPrisma ??= createPrismaClient(
  appEnv().DATABASE_URL,
));

export default prisma;
