// The app's one Prisma client. It runs on Prisma's JS engine through the better-sqlite3 driver
// adapter (docs/decisions/002-offline-prisma.md), so no engine binary is downloaded.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { sqliteFileUrl } from "./database-url";
import { appEnv } from "./env.server";

declare global {
  // Remix's dev server re-imports modules on change; reuse one client instead of leaking them.
  var __delayDeskPrisma: PrismaClient | undefined;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFileUrl(databaseUrl) }) });
}

const prisma: PrismaClient = (globalThis.__delayDeskPrisma ??= createPrismaClient(appEnv().DATABASE_URL));

export default prisma;
