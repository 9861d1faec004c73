// Puts a seeded shop's orders into a fresh database of either kind, fast: the bench measures the
// app, not the fixture. SQLite through node:sqlite in one transaction; PostgreSQL through Prisma's
// createMany in chunks (bound values stay under its 65,535 limit).
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import { databaseTarget } from "../../app/database-url";
import { openDatabase, type TrackedOrderRow } from "../../tests/support/factories";

const toSql = (value: unknown): SQLInputValue => {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint")
    return value;
  return null;
};

export async function insertTrackedOrderRows(
  databaseUrl: string,
  rows: readonly TrackedOrderRow[],
): Promise<void> {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const sqlite = new DatabaseSync(target.path);
    const columns = Object.keys(rows[0] ?? {});
    const insert = sqlite.prepare(
      `INSERT INTO "TrackedOrder" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
    );
    sqlite.exec("BEGIN");
    for (const row of rows)
      insert.run(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toSql(v)])));
    sqlite.exec("COMMIT");
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
