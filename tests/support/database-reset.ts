// Puts a test database back to the migrated template it was copied from, so that every test starts
// on a fresh database without the app (which opens its Prisma client once per process, on the
// DATABASE_URL it was given) having to be pointed at a new one. tests/setup/fresh-database.ts
// calls it before each test for every database tests/support/database.ts has handed out.
//
// Why emptying is the same as a fresh copy (tests/setup/fresh-database.test.ts checks it against a
// new copy of the template, table by table and sequence by sequence):
// - the template holds no rows but `_prisma_migrations` (checked here: a migration that seeds
//   rows would make the reset throw rather than silently drop them);
// - SQLite: every table but `_prisma_migrations` is emptied, and `sqlite_sequence` (AUTOINCREMENT
//   counters) with it; a rowid table without AUTOINCREMENT starts again at 1 once empty
//   (https://sqlite.org/autoinc.html);
// - PostgreSQL: every table is emptied with FK triggers off for the transaction
//   (session_replication_role, https://www.postgresql.org/docs/15/runtime-config-client.html),
//   and every sequence restarts at its start value (ALTER SEQUENCE … RESTART,
//   https://www.postgresql.org/docs/15/sql-altersequence.html), as in a new copy.
// DELETE rather than TRUNCATE: it takes row locks only, so a job runner left polling by the test
// before does not deadlock the reset, and it is faster on tables this small.
import { createRequire } from "node:module";
import type { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { databaseTarget } from "../../app/database-url";

const MIGRATIONS_TABLE = "_prisma_migrations";

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** node:sqlite without its one-time experimental warning on the worker's stderr. */
export function openSqlite(file: string): DatabaseSync {
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    if (String(warning).startsWith("SQLite is an experimental feature")) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  };
  try {
    const { DatabaseSync: Database }: typeof import("node:sqlite") = createRequire(import.meta.url)(
      "node:sqlite",
    );
    return new Database(file, { timeout: 10_000 });
  } finally {
    process.emitWarning = emitWarning;
  }
}

export interface DatabaseReset {
  /** Empties the database back to the template's state. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The tables that hold the app's rows: not SQLite's own, not the migrations table, and not a
 * virtual table (FTS5) or its shadow tables, whose rows are the index's own bookkeeping
 * (https://sqlite.org/pragma.html#pragma_table_list): emptying those by hand would corrupt it.
 */
function ordinarySqliteTables(db: DatabaseSync): string[] {
  return db
    .prepare(
      "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ?",
    )
    .all(MIGRATIONS_TABLE)
    .map((row) => String(row.name));
}

function fts5Tables(db: DatabaseSync): string[] {
  return db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'",
    )
    .all()
    .map((row) => String(row.name));
}

function sqliteReset(file: string): DatabaseReset {
  const db = openSqlite(file);
  // Per connection, and only outside a transaction: every table is emptied, so no order is needed.
  db.exec("PRAGMA foreign_keys = OFF");
  return {
    reset() {
      const tables = ordinarySqliteTables(db);
      const searchIndexes = fts5Tables(db);
      const hasSequence =
        db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !==
        undefined;
      db.exec(
        [
          "BEGIN IMMEDIATE",
          ...tables.map((table) => `DELETE FROM ${quoted(table)}`),
          ...(hasSequence ? ["DELETE FROM sqlite_sequence"] : []),
          // An FTS5 index back to its state on an empty table, as the migration left it.
          ...searchIndexes.map(
            (table) => `INSERT INTO ${quoted(table)} (${quoted(table)}) VALUES ('rebuild')`,
          ),
          "COMMIT",
        ].join(";\n"),
      );
      return Promise.resolve();
    },
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}

function postgresqlReset(url: string): DatabaseReset {
  const client = new pg.Client({ connectionString: url });
  let statements: Promise<string> | null = null;
  const connected = client.connect();
  // The catalog is read once per database: tests do not create tables.
  async function resetSql(): Promise<string> {
    await connected;
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> $1 ORDER BY 1",
      [MIGRATIONS_TABLE],
    );
    const sequences = await client.query<{ name: string }>(
      "SELECT sequencename AS name FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1",
    );
    return [
      "BEGIN",
      "SET LOCAL session_replication_role = replica",
      ...tables.rows.map((row) => `DELETE FROM ${quoted(row.name)}`),
      ...sequences.rows.map((row) => `ALTER SEQUENCE ${quoted(row.name)} RESTART`),
      "COMMIT",
    ].join(";\n");
  }
  return {
    async reset() {
      statements ??= resetSql();
      await client.query(await statements);
    },
    async close() {
      await connected.catch(() => undefined);
      await client.end();
    },
  };
}

export function openDatabaseReset(databaseUrl: string): DatabaseReset {
  const target = databaseTarget(databaseUrl);
  return target.provider === "sqlite" ? sqliteReset(target.path) : postgresqlReset(target.url);
}

/** Tables of the template other than the migrations table that hold rows: there must be none. */
export async function templateSeedRows(databaseUrl: string): Promise<string[]> {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const db = openSqlite(target.path);
    try {
      return ordinarySqliteTables(db).filter((table) =>
        db.prepare(`SELECT 1 FROM ${quoted(table)} LIMIT 1`).get(),
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> $1",
      [MIGRATIONS_TABLE],
    );
    const seeded: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await client.query(`SELECT 1 FROM ${quoted(name)} LIMIT 1`);
      if (rows.rowCount) seeded.push(name);
    }
    return seeded;
  } finally {
    await client.end();
  }
}

/**
 * Everything a test could observe of a database's contents: its schema, every table's rows and
 * every sequence's (AUTOINCREMENT counter's) position. Two databases with equal fingerprints look
 * the same to the app.
 */
export async function databaseFingerprint(databaseUrl: string): Promise<string> {
  const target = databaseTarget(databaseUrl);
  const parts: string[] = [];
  if (target.provider === "sqlite") {
    const db = openSqlite(target.path);
    try {
      const objects = db
        .prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .all();
      parts.push(JSON.stringify(objects));
      for (const object of objects) {
        if (object.type !== "table") continue;
        // An FTS5 index's blocks carry a counter of its writes (the structure record,
        // https://sqlite.org/fts5.html "Shadow tables"), which no emptying resets; what the index
        // holds is in its other shadow tables (_idx lists every segment, _docsize every row).
        if (
          String(object.name).endsWith("_data") &&
          String(object.sql).startsWith("CREATE TABLE")
        ) {
          const owner = String(object.name).slice(0, -"_data".length);
          if (objects.some((o) => o.name === owner && String(o.sql).includes("USING fts5")))
            continue;
        }
        const rows = db.prepare(`SELECT * FROM ${quoted(String(object.name))} ORDER BY 1`).all();
        parts.push(`${String(object.name)}: ${JSON.stringify(rows)}`);
      }
    } finally {
      db.close();
    }
    return parts.join("\n");
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const columns = await client.query(
      "SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2",
    );
    parts.push(JSON.stringify(columns.rows));
    const sequences = await client.query(
      "SELECT sequencename, last_value, start_value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1",
    );
    parts.push(JSON.stringify(sequences.rows));
    const tables = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1",
    );
    for (const { name } of tables.rows) {
      const rows = await client.query(`SELECT * FROM ${quoted(name)} ORDER BY 1`);
      parts.push(`${name}: ${JSON.stringify(rows.rows)}`);
    }
  } finally {
    await client.end();
  }
  return parts.join("\n");
}
