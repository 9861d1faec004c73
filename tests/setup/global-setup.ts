// Migrates one SQLite database with the real migrations (prisma migrate deploy, as production
// does at start); each test file then works on its own copy (tests/support/database.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { TMP_ROOT } from "../support/paths";

export default function setup() {
  mkdirSync(TMP_ROOT, { recursive: true });
  const dir = mkdtempSync(path.join(TMP_ROOT, "run-"));
  process.env.DELAY_DESK_TEST_TMP = dir; // inherited by the test workers
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "base.sqlite")}` },
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const output =
      error && typeof error === "object" && "stdout" in error ? String(error.stdout) : "";
    throw new Error(`prisma migrate deploy failed for the test database:\n${output.slice(-2000)}`);
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
