import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
// Each test run has its own folder (several runs may share a machine); global setup names it.
export const TMP_ROOT = path.join(ROOT, "tests/.tmp");

export function runTmpDir(): string {
  const dir = process.env.DELAY_DESK_TEST_TMP;
  if (!dir)
    throw new Error(
      "DELAY_DESK_TEST_TMP is not set: run tests through vitest (tests/setup/global-setup.ts).",
    );
  return dir;
}

export function baseDatabase(): string {
  return path.join(runTmpDir(), "base.sqlite");
}
