import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { baseDatabase, runTmpDir } from "./paths";

/** A fresh, migrated SQLite file for one test file; returns its DATABASE_URL. */
export function freshDatabaseUrl(): string {
  const file = path.join(runTmpDir(), `test-${randomUUID()}.sqlite`);
  copyFileSync(baseDatabase(), file);
  return `file:${file}`;
}
