// Prisma CLI configuration. The classic Rust engines are downloaded on first use, which fails
// offline, so the CLI runs on the JS engine through the same driver adapters as the app.
// DATABASE_URL chooses the database, and with it the schema and migrations folder:
// prisma/schema.prisma + prisma/migrations for SQLite, prisma/postgresql/ for PostgreSQL
// (docs/decisions/010-postgresql.md).
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./app/database-url";
import { PrismaNodeSqlite } from "./app/node-sqlite-adapter.server";
import { postgresqlAdapter } from "./app/postgresql-adapter.server";
import { POSTGRESQL_SCHEMA, SQLITE_SCHEMA } from "./scripts/provider-schemas";

const target = databaseTarget(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: target.provider === "sqlite" ? SQLITE_SCHEMA : POSTGRESQL_SCHEMA,
  adapter: async () =>
    target.provider === "sqlite"
      ? new PrismaNodeSqlite({ path: target.path })
      : postgresqlAdapter(target.url),
});
