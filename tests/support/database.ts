import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { BASE_DATABASE, TMP_DIR } from "./paths";

/** A fresh, migrated SQLite file for one test file; returns its DATABASE_URL. */
export function freshDatabaseUrl(): string {
  const file = path.join(TMP_DIR, `test-${randomUUID()}.sqlite`);
  copyFileSync(BASE_DATABASE, file);
  return `file:${file}`;
}
