// Unit, simulator and integration tests. Browser tests run on @playwright/test (playwright.config.ts)
// because they need a built app and a browser.
//
// One project per database in TEST_DATABASES (tests/support/test-databases.ts): `sqlite` runs
// every test; `postgresql` runs again the tests that use a database, on a throwaway PostgreSQL
// server (tests/setup/global-setup.ts). A test file uses a database when it (or the test harness
// it imports) takes one from tests/support: such files are found by what they import, so a new
// database test runs on both without being listed.
import { globSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";
import { testDatabases } from "./tests/support/test-databases";

const include = [
  "app/**/*.test.{ts,tsx}",
  "simulator/**/*.test.ts",
  "contracts/**/*.test.ts",
  "scripts/**/*.test.ts",
  "tests/**/*.test.ts",
];
const exclude = ["tests/e2e/**", "node_modules/**"];

const USES_DATABASE =
  /support\/(database|app-under-test|factories|webhook-delivery|job-harness)["']|db\.server["']|prisma-client\.server["']/;
// SQLite-only by nature: the node:sqlite driver adapter's own tests.
const SQLITE_ONLY = ["app/node-sqlite-adapter.server.test.ts"];

function databaseTests(): string[] {
  return globSync(include, { exclude: (name) => name === "node_modules" || name === "e2e" })
    .filter((file) => !SQLITE_ONLY.includes(file))
    .filter((file) => USES_DATABASE.test(readFileSync(file, "utf8")))
    .sort();
}

export default defineConfig({
  test: {
    projects: testDatabases().map((database) => ({
      test: {
        name: database,
        environment: "node",
        globalSetup: ["tests/setup/global-setup.ts"],
        setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/fresh-database.ts"],
        testTimeout: 30_000,
        hookTimeout: 60_000,
        pool: "forks",
        include: database === "sqlite" ? include : databaseTests(),
        exclude,
        env: {
          TZ: "UTC",
          LOG_LEVEL: "warning",
          DELAY_DESK_TEST_DATABASE: database,
          // The 10,000-order refund job is a scale test of the runner and runs on SQLite; on
          // PostgreSQL the same flow (two token expiries mid-run, each order once) runs at 2,000
          // so that the second pass stays within minutes on 2 cores.
          ...(database === "postgresql" ? { EXPIRY_REFUND_ORDERS: "2000" } : {}),
        },
      },
    })),
  },
});
