// Prepares the test databases once per run, with the real migrations (prisma migrate deploy, as
// production does at start): a migrated SQLite file, and, when TEST_DATABASES names postgresql, a
// throwaway PostgreSQL server with a migrated template database. Each test then works on its own
// copy (tests/support/database.ts). Every Vitest project (one per database, vitest.config.ts)
// calls this; the first one prepares, the last one out cleans up.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { POSTGRESQL_TEMPLATE } from "../support/database";
import { templateSeedRows } from "../support/database-reset";
import { TMP_ROOT } from "../support/paths";
import {
  findPostgresBin,
  postgresqlDatabaseUrl,
  psql,
  startPostgresServer,
} from "../support/postgres-server";
import { testDatabases } from "../support/test-databases";

function migrate(databaseUrl: string, what: string): void {
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const output =
      error && typeof error === "object" && "stdout" in error
        ? `${String(error.stdout)}\n${"stderr" in error ? String(error.stderr) : ""}`
        : "";
    throw new Error(
      `prisma migrate deploy failed for the ${what} test database:\n${output.slice(-2000)}`,
    );
  }
}

/**
 * The per-test reset empties every table (tests/support/database-reset.ts); that equals a fresh
 * copy only while the migrations leave no rows behind.
 */
async function refuseSeedRows(databaseUrl: string, what: string): Promise<void> {
  const seeded = await templateSeedRows(databaseUrl);
  if (seeded.length > 0) {
    throw new Error(
      `The migrated ${what} test database has rows in ${seeded.join(", ")}: the per-test reset (tests/support/database-reset.ts) would delete them; teach it to restore them.`,
    );
  }
}

/**
 * Migrates this run's SQLite base file (and, asked, a PostgreSQL template on a throwaway server);
 * returns the clean-up. Vitest's global setup below and the browser tests'
 * (tests/setup/e2e-global-setup.ts) both start here.
 */
export async function prepareTestDatabases(withPostgresql: boolean): Promise<() => void> {
  mkdirSync(TMP_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(TMP_ROOT, "run-"));
  process.env.DELAY_DESK_TEST_TMP = dir; // inherited by the test workers
  const cleanups: (() => void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const cleanUp = () => cleanups.reverse().forEach((cleanup) => cleanup());
  try {
    const base = `file:${path.join(dir, "base.sqlite")}`;
    migrate(base, "SQLite");
    await refuseSeedRows(base, "SQLite");
    if (withPostgresql) {
      const binDir = findPostgresBin();
      if (!binDir) {
        throw new Error(
          "TEST_DATABASES asks for postgresql, but no PostgreSQL binaries were found under /usr/lib/postgresql (apt-get install postgresql, or set POSTGRESQL_BIN).",
        );
      }
      const server = await startPostgresServer(binDir);
      cleanups.push(server.stop);
      psql(binDir, server.url, `CREATE DATABASE "${POSTGRESQL_TEMPLATE}"`);
      const template = postgresqlDatabaseUrl(server.url, POSTGRESQL_TEMPLATE);
      migrate(template, "PostgreSQL");
      await refuseSeedRows(template, "PostgreSQL");
      // A template nobody may connect to: CREATE DATABASE … TEMPLATE needs it idle.
      psql(binDir, server.url, `ALTER DATABASE "${POSTGRESQL_TEMPLATE}" ALLOW_CONNECTIONS false`);
      process.env.DELAY_DESK_TEST_POSTGRESQL_URL = server.url;
      process.env.DELAY_DESK_TEST_POSTGRESQL_BIN = binDir;
    }
  } catch (error) {
    cleanUp();
    throw error;
  }
  return cleanUp;
}

declare global {
  // Shared by the projects' calls in Vitest's main process (each may load this module afresh).
  var __delayDeskTestRun: { users: number; ready: Promise<() => void> } | undefined;
}

/** What global setup reads of Vitest's TestProject: the names of the run's projects. */
interface ProjectOfRun {
  vitest: { projects: readonly { name: string }[] };
}

/**
 * PostgreSQL is started only when this run has a `postgresql` project (vitest.config.ts), so the
 * browser tests, which run on SQLite, do not start one when CI sets TEST_DATABASES. Called
 * without a project (scripts/bench.ts), TEST_DATABASES decides.
 */
export default async function setup(project?: ProjectOfRun) {
  const withPostgresql = project
    ? project.vitest.projects.some((each) => each.name === "postgresql")
    : testDatabases().includes("postgresql");
  const run = (globalThis.__delayDeskTestRun ??= {
    users: 0,
    ready: prepareTestDatabases(withPostgresql),
  });
  run.users += 1;
  await run.ready;
  return async () => {
    run.users -= 1;
    if (run.users > 0) return;
    globalThis.__delayDeskTestRun = undefined;
    (await run.ready)();
  };
}
