// A migrated database for a test file: a copy of the migrated base file on SQLite, a copy of the
// migrated template database on PostgreSQL (CREATE DATABASE … TEMPLATE), both made by
// tests/setup/global-setup.ts. Every database handed out is remembered, and
// tests/setup/fresh-database.ts empties it back to the template before each test
// (tests/support/database-reset.ts): whatever a test file takes in beforeAll, each test starts on
// a fresh database.
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

declare global {
  // The databases handed out in this test file (the setup file and the test share the worker).
  var __delayDeskTestDatabaseUrls: string[] | undefined;
  // What a harness writes into each fresh database before each test (its documented baseline).
  var __delayDeskEachTestSeeds: (() => Promise<void>)[] | undefined;
}

/**
 * Writes a harness's baseline (an installed shop's session, its imported orders) into the fresh
 * database before each test of the file, right after the reset (tests/setup/fresh-database.ts).
 * For harnesses started in beforeAll; a test's own data belongs in the test or its beforeEach.
 */
export function seedEachTest(seed: () => Promise<void>): void {
  (globalThis.__delayDeskEachTestSeeds ??= []).push(seed);
}

export function eachTestSeeds(): readonly (() => Promise<void>)[] {
  return globalThis.__delayDeskEachTestSeeds ?? [];
}

/** Every database freshDatabaseUrl() has handed out in this test file, oldest first. */
export function testDatabaseUrls(): readonly string[] {
  return globalThis.__delayDeskTestDatabaseUrls ?? [];
}

function copyTemplate(): string {
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

/**
 * A fresh, migrated database on this worker's test database; returns its DATABASE_URL. Emptied
 * again before each test of the file (tests/setup/fresh-database.ts).
 */
export function freshDatabaseUrl(): string {
  const url = copyTemplate();
  (globalThis.__delayDeskTestDatabaseUrls ??= []).push(url);
  return url;
}

/** A copy of the template that no test setup resets (to compare a reset database against). */
export function untrackedTemplateCopy(): string {
  return copyTemplate();
}
