// The app's one Prisma client, on the database DATABASE_URL names: SQLite (`file:`, the embedded
// default) or PostgreSQL (`postgresql://`, production). See app/prisma-client.server.ts.
import type { PrismaClient } from "@prisma/client";
import { appEnv } from "./env.server";
import { createPrismaClient } from "./prisma-client.server";

declare global {
  // Remix's dev server re-imports modules on change; reuse one client instead of leaking them.
  var __delayDeskPrisma: PrismaClient | undefined;
}

const prisma: PrismaClient = (globalThis.__delayDeskPrisma ??= createPrismaClient(
  appEnv().DATABASE_URL,
));

export default prisma;
