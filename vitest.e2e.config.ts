// Browser tests: Debian's Chromium driven by playwright-core against the demo (built app +
// simulator). `npm run test:e2e` builds the app first.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    env: { TZ: "UTC", LOG_LEVEL: "warning" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
