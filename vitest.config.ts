// Unit, simulator and integration tests. Browser tests have their own config (vitest.e2e.config.ts)
// because they need a built app.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "simulator/**/*.test.ts",
      "contracts/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tests/**/*.test.ts",
    ],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/setup/global-setup.ts"],
    environment: "node",
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    env: { TZ: "UTC", LOG_LEVEL: "warning" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
