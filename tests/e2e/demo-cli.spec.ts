// `npm run demo` as a person runs it: it prints one URL that serves the admin frame, and Ctrl-C
// (SIGINT) stops it cleanly.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freshDatabaseUrl } from "../support/database";
import { ROOT } from "../support/paths";

test.describe("npm run demo", () => {
  test("prints one URL that works, and stops cleanly on Ctrl-C", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(ROOT, "scripts/demo.ts"),
        "--no-build",
        "--port",
        "0",
        "--simulator-port",
        "0",
        "--orders",
        "50",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: freshDatabaseUrl() },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );

    await expect
      .poll(() => /http:\/\/\S+\/admin\/apps\/\S+/.test(output), {
        timeout: 60_000,
        intervals: [200],
      })
      .toBe(true);
    const urls = output.match(/http:\/\/\S+/g) ?? [];
    expect(urls).toHaveLength(1);
    const page = await fetch(urls[0] ?? "");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<iframe");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });
});
