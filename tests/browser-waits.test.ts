// Browser tests wait for what the page shows (a locator's text, a URL, a response), never for a
// fixed time: a fixed sleep is either too short on a busy CI machine or wasted everywhere else.
// Playwright's guidance: https://playwright.dev/docs/api/class-page#page-wait-for-timeout
// ("Never wait for timeout in production. Tests that wait for time are inherently flaky.") and
// https://playwright.dev/docs/test-assertions (web-first assertions wait until the condition is met).
// And every file in tests/e2e/ is a Playwright spec: playwright.config.ts runs `*.spec.ts` only,
// so a Vitest-style `x.test.ts` there would never run.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/paths";

const FOLDERS = ["tests", "scripts", "app", "simulator"];
const SKIP = new Set(["node_modules", ".tmp", "build", "public"]);
const THIS_FILE = path.relative(ROOT, import.meta.filename);
/** Where the browser is driven: the specs and the helpers they share. */
const BROWSER_CODE = /^tests\/(e2e\/|support\/(browser|demo-in-browser|orders-table))/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Fixed waits in one file's text: Playwright's waitForTimeout anywhere, a bare sleep in e2e code. */
function fixedWaits(file: string, text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    if (/\bwaitForTimeout\s*\(/.test(line)) found.push(`${where}: waitForTimeout`);
    if (BROWSER_CODE.test(file) && /new Promise\(\s*\(?\s*\w*\s*\)?\s*=>\s*setTimeout\(/.test(line))
      found.push(`${where}: a sleep on setTimeout`);
    if (BROWSER_CODE.test(file) && /from "node:timers\/promises"/.test(line))
      found.push(`${where}: a sleep from node:timers/promises`);
  });
  return found;
}

/** What in tests/e2e/ is not a Playwright spec: a file Playwright skips, or a Vitest import. */
function notPlaywright(file: string, text: string): string[] {
  if (!file.endsWith(".spec.ts")) return [`${file}: not a *.spec.ts, so Playwright never runs it`];
  return /from "vitest"/.test(text) ? [`${file}: imports vitest; use @playwright/test`] : [];
}

describe("browser tests wait for the page, not the clock", () => {
  it("has no waitForTimeout anywhere and no sleep in the browser tests or their helpers", () => {
    const found = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .map((file) => path.relative(ROOT, file))
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) => fixedWaits(file, readFileSync(path.join(ROOT, file), "utf8")));
    expect(found).toEqual([]);
  });

  it("catches every kind of fixed wait", () => {
    expect(fixedWaits("tests/e2e/x.spec.ts", "  await page.waitForTimeout(3000);")).toHaveLength(1);
    expect(
      fixedWaits("tests/e2e/x.spec.ts", "await new Promise((r) => setTimeout(r, 3000));"),
    ).toHaveLength(1);
    expect(
      fixedWaits(
        "tests/support/demo-in-browser.ts",
        'import { setTimeout } from "node:timers/promises";',
      ),
    ).toHaveLength(1);
    expect(
      fixedWaits("tests/e2e/x.spec.ts", "await expect(page.getByText('Sent')).toBeVisible();"),
    ).toEqual([]);
  });

  it("runs every file in tests/e2e as a Playwright spec", () => {
    const dir = path.join(ROOT, "tests/e2e");
    const files = sourceFiles(dir).map((file) => path.relative(ROOT, file));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) =>
      notPlaywright(file, readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(found).toEqual([]);
    expect(notPlaywright("tests/e2e/x.test.ts", "")).toHaveLength(1);
    expect(notPlaywright("tests/e2e/x.spec.ts", 'import { it } from "vitest";')).toHaveLength(1);
  });
});
