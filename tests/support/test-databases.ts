// Which databases the suite runs on: TEST_DATABASES=sqlite (default) or sqlite,postgresql (CI).
// Read by vitest.config.ts (one project per database) and tests/setup/global-setup.ts.
export type TestDatabase = "sqlite" | "postgresql";

export function testDatabases(
  value: string | undefined = process.env.TEST_DATABASES,
): TestDatabase[] {
  const names = (value ?? "sqlite")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const known: TestDatabase[] = [];
  for (const name of names) {
    if (name !== "sqlite" && name !== "postgresql") {
      throw new Error(`TEST_DATABASES: unknown database "${name}" (sqlite, postgresql)`);
    }
    if (!known.includes(name)) known.push(name);
  }
  if (known.length === 0) throw new Error("TEST_DATABASES names no database (sqlite, postgresql)");
  return known;
}

/** The database of this test worker's project (vitest.config.ts sets it per project). */
export function workerDatabase(): TestDatabase {
  return process.env.DELAY_DESK_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}
