// Browser tests: @playwright/test on Debian's Chromium against the demo (built app + simulator),
// https://playwright.dev/docs/test-configuration. `npm run test:e2e` builds the app first. No
// browser is downloaded: Debian's /usr/bin/chromium is launched (tests/support/browser.ts), and
// the fixtures (tests/support/demo-in-browser.ts) start one demo per test file.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tests/support/browser";

process.env.TZ = "UTC";

// scripts/e2e-at.sh runs the suite at another instant by shifting the clock with libfaketime
// (LD_PRELOAD, FAKETIME): the demo (app and simulator) runs in the test worker and takes the
// shifted clock; Chromium does not finish loading the admin page under it (page.goto times out),
// so it is launched with the real clock. The browser's own Date then differs from the server's.
const browserEnv = process.env.FAKETIME
  ? {
      env: Object.fromEntries(
        Object.entries(process.env).flatMap(([name, value]) =>
          value === undefined || name === "LD_PRELOAD" || name.startsWith("FAKETIME")
            ? []
            : [[name, value]],
        ),
      ),
    }
  : {};
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
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS], ...browserEnv },
    // As playwright-core's defaults were: a stuck click or navigation fails at its own line.
    actionTimeout: 30_000,
    navigationTimeout: 30_000,
    trace: "off",
    screenshot: "off",
    video: "off",
  },
});
