// Generates both Prisma clients (docs/decisions/010-postgresql.md):
//   1. writes prisma/postgresql/schema.prisma from prisma/schema.prisma (scripts/provider-schemas.ts);
//   2. `prisma generate` for each: SQLite into @prisma/client's default place, PostgreSQL into
//      node_modules/@delay-desk/prisma-postgresql;
//   3. points the PostgreSQL client at @prisma/client's runtime instead of the copy Prisma puts
//      beside a custom output, so both clients share one runtime: the app's
//      `instanceof Prisma.PrismaClientKnownRequestError` and `Prisma.sql` work with either.
// Run by postinstall and `npm run setup`; scripts/new-migration.sh runs it too.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  POSTGRESQL_CLIENT_OUTPUT,
  POSTGRESQL_SCHEMA,
  SQLITE_SCHEMA,
  postgresqlSchema,
} from "./provider-schemas";

const root = path.resolve(import.meta.dirname, "..");

function writePostgresqlSchema(): void {
  const target = path.join(root, POSTGRESQL_SCHEMA);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, postgresqlSchema(readFileSync(path.join(root, SQLITE_SCHEMA), "utf8")));
}

function generate(schema: string): void {
  execFileSync("npx", ["prisma", "generate", "--no-hints", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

function shareRuntime(outputDir: string): void {
  for (const file of readdirSync(outputDir)) {
    if (!/\.(js|d\.ts)$/.test(file)) continue;
    const full = path.join(outputDir, file);
    const text = readFileSync(full, "utf8");
    const shared = text.replaceAll("'./runtime/", "'@prisma/client/runtime/");
    if (shared !== text) writeFileSync(full, shared);
  }
  // Nothing may load the copy any more; removing it makes a missed path fail loudly.
  rmSync(path.join(outputDir, "runtime"), { recursive: true, force: true });
}

writePostgresqlSchema();
generate(SQLITE_SCHEMA);
generate(POSTGRESQL_SCHEMA);
shareRuntime(path.join(root, POSTGRESQL_CLIENT_OUTPUT));
console.warn(
  "Generated the SQLite (@prisma/client) and PostgreSQL (@delay-desk/prisma-postgresql) clients",
);
