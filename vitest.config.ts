// Unit, simulator and integration tests. Browser tests have their own config (vitest.e2e.config.ts)
// because they need a built app.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "simulator/**/*.test.ts", "scripts/**/*.test.ts", "extensions/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    env: { TZ: "UTC" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
