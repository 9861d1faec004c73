// Every test starts on a fresh database: before each test, each database the test file has taken
// from tests/support/database.ts (in beforeAll, an earlier test or a harness) is emptied back to
// the migrated template (tests/support/database-reset.ts). So nothing a test or a beforeAll
// writes is seen by the next test; what a test needs in the database it writes in its own body or
// in beforeEach, and a harness started in beforeAll writes its baseline again through
// seedEachTest (docs/testing.md). Registered before the test file's hooks, so it runs before the
// file's beforeEach and its afterAll runs after the file's (Vitest's "stack" hook order).
import { afterAll, beforeEach } from "vitest";
import { eachTestSeeds, testDatabaseUrls } from "../support/database";
import { openDatabaseReset, type DatabaseReset } from "../support/database-reset";

const resets = new Map<string, DatabaseReset>();

beforeEach(async () => {
  for (const url of testDatabaseUrls()) {
    let reset = resets.get(url);
    if (!reset) {
      reset = openDatabaseReset(url);
      resets.set(url, reset);
    }
    await reset.reset();
  }
  for (const seed of eachTestSeeds()) await seed();
});

afterAll(async () => {
  for (const reset of resets.values()) await reset.close();
  resets.clear();
});
