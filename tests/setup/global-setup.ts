// Migrates one SQLite database with the real migrations (prisma migrate deploy, as production
// does at start); each test file then works on its own copy (tests/support/database.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { BASE_DATABASE, TMP_DIR } from "../support/paths";

export default function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  execFileSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${BASE_DATABASE}` },
    stdio: "pipe",
  });
}
