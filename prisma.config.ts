// Prisma CLI configuration. The classic Rust engines are downloaded on first use, which fails
// offline, so the CLI runs on the JS engine through the same driver adapter as the app.
import { defineConfig } from "prisma/config";
import { sqliteFileUrl } from "./app/database-url";
import { PrismaNodeSqlite } from "./app/node-sqlite-adapter.server";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaNodeSqlite({ path: sqliteFileUrl(process.env.DATABASE_URL) }),
});
