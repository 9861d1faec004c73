// How the app opens its database: Prisma's JS engine through our node:sqlite driver adapter
// (docs/decisions/002-offline-prisma.md), so no engine binary is downloaded.
import { PrismaClient } from "@prisma/client";
import { sqliteFileUrl } from "./database-url";
import { PrismaNodeSqlite } from "./node-sqlite-adapter.server";

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaNodeSqlite({ path: sqliteFileUrl(databaseUrl) }) });
}
