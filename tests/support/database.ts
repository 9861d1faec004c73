// A fresh, migrated database for a test: a copy of the migrated base file on SQLite, a copy of the
// migrated template database on PostgreSQL (CREATE DATABASE … TEMPLATE), both made by
// tests/setup/global-setup.ts. Cheap enough to take one per test.
import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { baseDatabase, runTmpDir } from "./paths";
import { postgresqlDatabaseUrl, psql } from "./postgres-server";
import { workerDatabase } from "./test-databases";

export const POSTGRESQL_TEMPLATE = "delay_desk_template";

function postgresqlServer(): { url: string; binDir: string } {
  const url = process.env.DELAY_DESK_TEST_POSTGRESQL_URL;
  const binDir = process.env.DELAY_DESK_TEST_POSTGRESQL_BIN;
  if (!url || !binDir) {
    throw new Error(
      "No test PostgreSQL server: run the suite with TEST_DATABASES=sqlite,postgresql (tests/setup/global-setup.ts starts one).",
    );
  }
  return { url, binDir };
}

/** A fresh, migrated database on this worker's test database; returns its DATABASE_URL. */
export function freshDatabaseUrl(): string {
  if (workerDatabase() === "postgresql") {
    const { url, binDir } = postgresqlServer();
    const name = `test_${randomUUID().replaceAll("-", "")}`;
    psql(binDir, url, `CREATE DATABASE "${name}" TEMPLATE "${POSTGRESQL_TEMPLATE}"`);
    return postgresqlDatabaseUrl(url, name);
  }
  const file = path.join(runTmpDir(), `test-${randomUUID()}.sqlite`);
  copyFileSync(baseDatabase(), file);
  return `file:${file}`;
}
