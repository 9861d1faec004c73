// Playwright's global setup for the browser tests (playwright.config.ts): the same migrated SQLite
// base file the other tests copy (tests/setup/global-setup.ts), so each test file's demo starts on
// a fresh copy (freshDatabaseUrl). The browser tests run on SQLite only: the demo is what a
// merchant runs locally, and the integration tests already cover PostgreSQL. Playwright calls the
// function this returns as the global teardown.
import { prepareTestDatabases } from "./global-setup";

export default async function e2eGlobalSetup(): Promise<() => void> {
  return prepareTestDatabases(false);
}
