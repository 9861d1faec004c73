// Debian's Chromium for the browser tests (playwright.config.ts launches it with these flags) and
// for anything that drives a browser outside the test runner (a bench), through playwright-core.
// Flags: no sandbox (root in CI), and no background networking, which this offline machine would
// refuse many times a second.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Fails with the fix when Debian's Chromium is not installed (test tools download no browser). */
export function chromiumPath(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH).`,
    );
  }
  return CHROMIUM_PATH;
}

/** Outside the test runner; a browser test takes Playwright's `browser` fixture instead. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}

/**
 * The user agent of a merchant's Chrome of the same version. Headless Chromium announces itself
 * as "HeadlessChrome", which Shopify's library rightly refuses as a bot: isbot(userAgent) answers
 * 410 Gone (@shopify/shopify-app-remix, dist/esm/server/authenticate/helpers/reject-bot-request.mjs),
 * so the tests present an ordinary one.
 */
export function merchantUserAgent(browserVersion: string): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browserVersion} Safari/537.36`;
}

/** A page in a context of its own (its own cookies: another staff member, a customer). */
export async function newMerchantPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ userAgent: merchantUserAgent(browser.version()) });
  return context.newPage();
}
