// `npm start` with bad configuration must stop before serving, with one line saying what to fix.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

const good = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "a-secret-that-must-not-be-printed",
  SHOPIFY_APP_URL: "https://app.example.com",
  SCOPES: "read_orders",
  PORT: "0",
};

describe("npm start with bad configuration", () => {
  it("stops on a missing secret with one clear line", () => {
    const { SHOPIFY_API_SECRET: _omit, ...env } = good;
    const result = start({ ...env, DATABASE_URL: "file:/tmp/delay-desk-start-test.sqlite" });
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      expect.stringMatching(/^Delay Desk cannot start: SHOPIFY_API_SECRET is missing/),
    ]);
  });

  it("stops on an unreachable database with one clear line, without printing the secret", () => {
    const result = start({ ...good, DATABASE_URL: "file:/nonexistent-folder/delay-desk.sqlite" });
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      "Delay Desk cannot start: the database folder /nonexistent-folder does not exist (DATABASE_URL).",
    ]);
    expect(result.stdout + result.stderr).not.toContain(good.SHOPIFY_API_SECRET);
  });

  it("stops on an unreachable PostgreSQL server with one clear line, without its password or the secret", () => {
    // Port 1 on the loopback: nothing listens, the connection is refused at once.
    const result = start({
      ...good,
      DATABASE_URL: "postgresql://delay_desk:db-password-not-printed@127.0.0.1:1/delay_desk",
    });
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      expect.stringMatching(
        /^Delay Desk cannot start: database migrations failed\. .*reach database server at `127\.0\.0\.1:1`/,
      ),
    ]);
    expect(result.stdout + result.stderr).not.toContain("db-password-not-printed");
    expect(result.stdout + result.stderr).not.toContain(good.SHOPIFY_API_SECRET);
  }, 60_000);
});
