// Prisma CLI configuration. The classic Rust engines are downloaded on first use, which fails
// offline, so the CLI runs on the JS engine through the same driver adapter as the app.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { sqliteFileUrl } from "./app/database-url";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFileUrl(process.env.DATABASE_URL) }),
});
