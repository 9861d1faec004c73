// Puts a seeded shop's orders into a fresh database of either kind, fast: the bench measures the
// app, not the fixture. SQLite through node:sqlite in one transaction; PostgreSQL through Prisma's
// createMany in chunks (bound values stay under its 65,535 limit).
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import { databaseTarget } from "../../app/database-url";
import { openDatabase, type TrackedOrderRow } from "../../tests/support/factories";

const toSql = (value: unknown): SQLInputValue => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
    return value;
  return null;
};

/** Rows per multi-row INSERT: 25 columns each stays under SQLite's 32,766 bound values. */
const ROWS_PER_STATEMENT = 500;
const CACHE_KIB = 256 * 1024;

export async function insertTrackedOrderRows(
  databaseUrl: string,
  rows: readonly TrackedOrderRow[],
): Promise<void> {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const sqlite = new DatabaseSync(target.path);
    // The indexes and the search table of 100k rows outgrow SQLite's default 2 MB page cache:
    // with it, one transaction spills and re-reads pages all the way (issue 15's slow seeding).
    sqlite.exec(`PRAGMA cache_size = -${CACHE_KIB}`);
    const columns = Object.keys(rows[0] ?? {});
    const statements = new Map<number, StatementSync>();
    const insert = (count: number): StatementSync => {
      let prepared = statements.get(count);
      if (!prepared) {
        const values = `(${columns.map(() => "?").join(", ")})`;
        prepared = sqlite.prepare(
          `INSERT INTO "TrackedOrder" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array.from({ length: count }, () => values).join(", ")}`,
        );
        statements.set(count, prepared);
      }
      return prepared;
    };
    sqlite.exec("BEGIN");
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const part = rows.slice(start, start + ROWS_PER_STATEMENT);
      const values: SQLInputValue[] = [];
      for (const row of part)
        for (const column of columns) values.push(toSql(row[column as keyof TrackedOrderRow]));
      insert(part.length).run(...values);
    }
    sqlite.exec("COMMIT");
    // The fixture's one big transaction leaves a WAL of the whole table: fold it into the database
    // now, or the app's first write pays the checkpoint inside the figures it measures (the first
    // pass's longest write). The import writes in batches, each commit checkpointing as it goes.
    sqlite.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite.close();
    return;
  }
  const db = await openDatabase(databaseUrl);
  try {
    for (let start = 0; start < rows.length; start += 2000)
      await db.trackedOrder.createMany({ data: rows.slice(start, start + 2000) });
  } finally {
    await db.$disconnect();
  }
}

/** A fresh migrated database of the given kind (the bench's global setup started PostgreSQL). */
export async function freshBenchDatabase(kind: "sqlite" | "postgresql"): Promise<string> {
  const previous = process.env.DELAY_DESK_TEST_DATABASE;
  process.env.DELAY_DESK_TEST_DATABASE = kind;
  try {
    const { freshDatabaseUrl } = await import("../../tests/support/database");
    return freshDatabaseUrl();
  } finally {
    if (previous === undefined) delete process.env.DELAY_DESK_TEST_DATABASE;
    else process.env.DELAY_DESK_TEST_DATABASE = previous;
  }
}

/** Whether this bench run has a PostgreSQL server (TEST_DATABASES names postgresql). */
export function benchHasPostgresql(): boolean {
  return Boolean(process.env.DELAY_DESK_TEST_POSTGRESQL_URL);
}
