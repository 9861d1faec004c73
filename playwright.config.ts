// Browser tests: @playwright/test on Debian's Chromium against the demo (built app + simulator),
// https://playwright.dev/docs/test-configuration. `npm run test:e2e` builds the app first. No
// browser is downloaded: Debian's /usr/bin/chromium is launched (tests/support/browser.ts), and
// the fixtures (tests/support/demo-in-browser.ts) start one demo per test file.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tests/support/browser";

process.env.TZ = "UTC";
process.env.LOG_LEVEL ??= "warning";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./tests/setup/e2e-global-setup.ts",
  // Two cores shared with the demo each file starts: one file at a time, in order.
  workers: 1,
  fullyParallel: false,
  // A flaky browser test is a bug to fix, not to retry past.
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "tests/.tmp/e2e-results",
  use: {
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] },
    // As playwright-core's defaults were: a stuck click or navigation fails at its own line.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: "off",
    screenshot: "off",
    video: "off",
  },
});
