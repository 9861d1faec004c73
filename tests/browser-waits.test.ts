// Browser tests wait for what the page shows (a locator's text, a URL, a response), never for a
// fixed time: a fixed sleep is either too short on a busy CI machine or wasted everywhere else.
// Playwright's guidance: https://playwright.dev/docs/api/class-page#page-wait-for-timeout
// ("Never wait for timeout in production. Tests that wait for time are inherently flaky.").
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/paths";

const FOLDERS = ["tests", "scripts", "app", "simulator"];
const SKIP = new Set(["node_modules", ".tmp", "build", "public"]);
const THIS_FILE = path.relative(ROOT, import.meta.filename);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Fixed waits in one file's text: Playwright's waitForTimeout anywhere, a bare sleep in e2e. */
function fixedWaits(file: string, text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (/\bwaitForTimeout\s*\(/.test(line)) found.push(`${where}: waitForTimeout`);
    if (
      file.startsWith("tests/e2e/") &&
      /new Promise\(\s*\(?\s*\w*\s*\)?\s*=>\s*setTimeout\(/.test(line)
    )
      found.push(`${where}: a sleep on setTimeout`);
  });
  return found;
}

describe("browser tests wait for the page, not the clock", () => {
  it("has no waitForTimeout anywhere and no setTimeout sleep in tests/e2e", () => {
    const found = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) => fixedWaits(file, readFileSync(path.join(ROOT, file), "utf8")));
    expect(found).toEqual([]);
  });

  it("catches both kinds of fixed wait", () => {
    expect(fixedWaits("tests/e2e/x.test.ts", "  await page.waitForTimeout(3000);")).toHaveLength(1);
    expect(
      fixedWaits("tests/e2e/x.test.ts", "await new Promise((r) => setTimeout(r, 3000));"),
    ).toHaveLength(1);
    expect(
      fixedWaits("tests/e2e/x.test.ts", "await expect(page.getByText('Sent')).toBeVisible();"),
    ).toEqual([]);
  });
});
