import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCli } from "./cli";

const env = { SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "secret", SCOPES: "read_orders" };

describe("parseCli", () => {
  it("reads flags and the app's credentials from the environment", () => {
    const parsed = parseCli(
      [
        "--port",
        "0",
        "--orders",
        "50",
        "--seed",
        "3",
        "--shops",
        "2",
        "--plan",
        "PLUS",
        "--app-url",
        "http://127.0.0.1:3000",
      ],
      env,
    );
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.options.port).toBe(0);
    expect(parsed.options.app).toEqual({
      apiKey: "key",
      apiSecret: "secret",
      appUrl: "http://127.0.0.1:3000",
      scopes: "read_orders",
    });
    expect(
      parsed.options.shops.map((shop) => [shop.domain, shop.orders, shop.seed, shop.plan]),
    ).toEqual([
      ["oak-and-hide.myshopify.com", 50, 3, "PLUS"],
      ["oak-and-hide-2.myshopify.com", 50, 4, "PLUS"],
    ]);
    // The second shop is the non-USD one: CAD, with buyers paying in USD.
    expect(
      parsed.options.shops.map((shop) => [
        shop.currency ?? "USD",
        shop.foreignBuyers?.currency ?? null,
      ]),
    ).toEqual([
      ["USD", null],
      ["CAD", "USD"],
    ]);
  });

  it("has defaults for every flag", () => {
    const parsed = parseCli([], env);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.options).toMatchObject({
      port: 4100,
      host: "127.0.0.1",
      shops: [{ orders: 1200, seed: 1, plan: "STANDARD" }],
    });
  });

  it("shortens the expiring offline token lifetime with --access-token-seconds (Shopify's 3600 by default)", () => {
    const parsed = parseCli(["--access-token-seconds", "120"], env);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.options.accessTokenSeconds).toBe(120);
    const defaults = parseCli([], env);
    expect(defaults.ok && defaults.options.accessTokenSeconds).toBeUndefined();
    expect(parseCli(["--access-token-seconds", "0"], env)).toEqual({
      ok: false,
      message: expect.stringContaining("--access-token-seconds"),
    });
  });

  it("refuses bad flags and missing credentials with one clear message", () => {
    expect(parseCli(["--port", "abc"], env)).toEqual({
      ok: false,
      message: expect.stringContaining("--port"),
    });
    expect(parseCli(["--plan", "GOLD"], env)).toEqual({
      ok: false,
      message: expect.stringContaining("--plan"),
    });
    expect(parseCli(["--frobnicate"], env)).toEqual({
      ok: false,
      message: expect.stringContaining("frobnicate"),
    });
    expect(parseCli([], { SHOPIFY_API_SECRET: "x" })).toEqual({
      ok: false,
      message: "SHOPIFY_API_KEY is not set",
    });
  });
});

describe("the simulator command", () => {
  const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "cli.ts");
  const tsx = path.join(path.dirname(fileURLToPath(import.meta.url)), "../node_modules/.bin/tsx");

  function run(args: string[], childEnv: Record<string, string>) {
    const child = spawn(tsx, [cli, ...args], {
      env: { ...process.env, ...childEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code) => resolve(code)),
    );
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it("exits 2 on a bad flag", async () => {
    const { exited, output } = run(["--shops", "0"], env);
    expect(await exited).toBe(2);
    expect(output().stderr).toContain("--shops");
  });

  it("prints the origin and admin URLs, serves, and stops cleanly on SIGTERM", async () => {
    const { child, exited, output } = run(["--port", "0", "--orders", "20", "--no-log"], env);
    const started = Date.now();
    while (!/listening on (http:\S+)/.test(output().stdout) && Date.now() - started < 20_000)
      await new Promise((r) => setTimeout(r, 100));
    const origin = /listening on (http:\S+)/.exec(output().stdout)?.[1];
    expect(origin).toBeDefined();
    expect(output().stdout).toContain(`${origin}/oak-and-hide.myshopify.com/admin/apps/key`);
    const health = await (await fetch(`${origin}/health`)).json();
    expect(health).toMatchObject({
      ok: true,
      shops: [{ domain: "oak-and-hide.myshopify.com", orders: 20 }],
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
