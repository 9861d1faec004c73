// Writes one migration for both databases from the changes to prisma/schema.prisma since the last
// commit (scripts/new-migration.sh is the entry point; docs/decisions/010-postgresql.md):
//   prisma/migrations/<stamp>_<name>/migration.sql             (SQLite)
//   prisma/postgresql/migrations/<stamp>_<name>/migration.sql  (PostgreSQL)
// Each is `prisma migrate diff --from-schema-datamodel <schema at HEAD> --to-schema-datamodel
// <working schema> --script` on its provider. The CLI's schema engine runs through the driver
// adapter and so needs a database to talk to even for a diff of two files: a scratch SQLite file,
// and for PostgreSQL a throwaway server from the machine's binaries (or MIGRATION_POSTGRESQL_URL,
// the URL of an empty database it may use).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgresBin, startPostgresServer } from "../tests/support/postgres-server";
import { POSTGRESQL_SCHEMA, SQLITE_SCHEMA, postgresqlSchema } from "./provider-schemas";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: scripts/new-migration.sh <name> (lower case, digits and _)");
  process.exit(2);
}

function diff(from: string, to: string, databaseUrl: string): string {
  return execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      from,
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "delay-desk-migration-"));
const cleanups: (() => void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
try {
  // The working schemas: the PostgreSQL one derived again, and both clients regenerated.
  execFileSync("npx", ["tsx", "scripts/generate-clients.ts"], { cwd: root, stdio: "inherit" });
  const headSqlite = path.join(scratch, "head-sqlite.prisma");
  writeFileSync(
    headSqlite,
    execFileSync("git", ["show", `HEAD:${SQLITE_SCHEMA}`], { cwd: root, encoding: "utf8" }),
  );
  const headPostgresql = path.join(scratch, "head-postgresql.prisma");
  writeFileSync(headPostgresql, postgresqlSchema(readFileSync(headSqlite, "utf8")));

  const sqliteSql = diff(headSqlite, SQLITE_SCHEMA, `file:${path.join(scratch, "scratch.sqlite")}`);

  let postgresqlUrl = process.env.MIGRATION_POSTGRESQL_URL;
  if (!postgresqlUrl) {
    const binDir = findPostgresBin();
    if (!binDir) {
      throw new Error(
        "No PostgreSQL binaries (apt-get install postgresql) and no MIGRATION_POSTGRESQL_URL: the PostgreSQL migration cannot be written.",
      );
    }
    const server = await startPostgresServer(binDir);
    cleanups.push(server.stop);
    postgresqlUrl = server.url;
  }
  const postgresqlSql = diff(headPostgresql, POSTGRESQL_SCHEMA, postgresqlUrl);

  const empty = (sql: string) => !/\S/.test(sql.replace(/^--.*$/gm, ""));
  // A change may touch one provider only (a `//postgresql` index): both folders get the migration.
  if (empty(sqliteSql) && empty(postgresqlSql)) {
    throw new Error("prisma/schema.prisma has no change since HEAD: no migration written.");
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [folder, sql] of [
    ["prisma/migrations", sqliteSql],
    ["prisma/postgresql/migrations", postgresqlSql],
  ] as const) {
    const dir = path.join(root, folder, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.warn(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
} finally {
  cleanups.reverse().forEach((cleanup) => cleanup());
}
