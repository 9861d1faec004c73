// `npm run dev` is `shopify app dev`, which needs a Partner login; what it runs is
// shopify.web.toml's dev command. This runs that command the way the CLI does, against the
// simulator, and checks the app answers HTTP (including Shopify admin's first document request)
// and that its background work runs: a queued refund job is carried out in the simulated shop.
//
// How the CLI runs it (Shopify/cli at a0798d1, packages/app/src/cli/services/dev/processes/web.ts,
// launchWebProcess and runCommands): from the web's directory, each `&&` part split on spaces and
// executed without a shell, the CLI's own environment extended with SHOPIFY_API_KEY,
// SHOPIFY_API_SECRET, HOST (the tunnel URL), SCOPES, NODE_ENV=development, BACKEND_PORT,
// FRONTEND_PORT, APP_URL, APP_ENV=development, REMIX_DEV_ORIGIN, PORT and SERVER_PORT. On stop it
// kills the process tree with SIGTERM (packages/cli-kit/src/public/node/system.ts, treeKill).
// The toml is read with the CLI's rules (packages/app/src/cli/models/app/app.ts, WebConfigurationSchema).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import path from "node:path";
import { parse as parseToml } from "smol-toml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { PrismaClient } from "@prisma/client";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import { startAppUnderTest, TEST_APP, type AppUnderTest } from "../tests/support/app-under-test";
import { openDatabase, trackedOrdersFromStore } from "../tests/support/factories";

const ROOT = path.resolve(import.meta.dirname, "..");

const webToml = z.object({
  name: z.string().optional(),
  roles: z.array(z.enum(["frontend", "backend", "background"])),
  webhooks_path: z.string().optional(),
  commands: z.object({
    build: z.string().optional(),
    predev: z.string().optional(),
    dev: z.string(),
  }),
});

function devCommands(): string[][] {
  const toml = webToml.parse(parseToml(readFileSync(path.join(ROOT, "shopify.web.toml"), "utf8")));
  return toml.commands.dev
    .split("&&")
    .map((command) => command.trim().split(" "))
    .filter(([cmd]) => cmd);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** A request as the CLI's tunnel forwards it: to the local port, with the tunnel's hostname as Host. */
function viaTunnel(
  pathAndQuery: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: "127.0.0.1",
        port: Number(new URL(origin).port),
        path: pathAndQuery,
        headers: { ...headers, host: new URL(TEST_APP.appUrl).host },
      },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.once("error", reject);
    request.end();
  });
}

let app: AppUnderTest;
let db: PrismaClient;
let dev: ChildProcess | undefined;
let output = "";
let origin = "";

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (dev?.exitCode !== null && dev?.exitCode !== undefined)
      throw new Error(
        `the dev command exited (${dev.exitCode}) before ${what}:\n${output.slice(-3000)}`,
      );
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  app = await startAppUnderTest();
  db = await openDatabase(app.databaseUrl);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const cliEnv: NodeJS.ProcessEnv = {
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    HOST: TEST_APP.appUrl,
    SCOPES: process.env.SCOPES ?? "",
    NODE_ENV: "development",
    BACKEND_PORT: String(port),
    FRONTEND_PORT: String(port),
    APP_URL: TEST_APP.appUrl,
    APP_ENV: "development",
    REMIX_DEV_ORIGIN: TEST_APP.appUrl,
    PORT: String(port),
    SERVER_PORT: String(port),
  };
  // The developer's shell, as the CLI passes it on: no SHOPIFY_APP_URL (the CLI sets none), the
  // simulator standing in for Shopify, and a database of its own.
  const shell = {
    PATH: `${path.join(ROOT, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
    HOME: process.env.HOME ?? "",
    DATABASE_URL: app.databaseUrl,
    SHOPIFY_ADMIN_ORIGIN: app.simulator.origin,
    LOG_LEVEL: "warning",
  };
  const commands = devCommands();
  for (const [index, [cmd, ...args]] of commands.entries()) {
    if (!cmd) continue;
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...shell, ...cliEnv },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    if (index === commands.length - 1) {
      dev = child;
    } else {
      const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
      if (status !== 0) throw new Error(`\`${cmd} ${args.join(" ")}\` failed:\n${output}`);
    }
  }
  await until(
    "the app to answer /healthz",
    async () => ((await fetch(`${origin}/healthz`)).status === 200 ? true : undefined),
    100_000,
  );
}, 150_000);

afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev?.once("close", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await exited;
  }
  await db?.$disconnect();
  await app?.close();
}, 30_000);

/** Shopify admin's first document request for the app, through the tunnel (token exchange). */
function openAsMerchant() {
  const url = new URL(app.embeddedDocumentRequest("/app").url);
  // A browser's user agent: the library answers self-identifying bots (Node's fetch is one) with 410.
  const headers = {
    accept: "text/html",
    "user-agent":
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  };
  return viaTunnel(`${url.pathname}${url.search}`, headers);
}

describe("shopify.web.toml's dev command, run as Shopify CLI runs it", () => {
  it("serves the app on the CLI's PORT, also to requests through the tunnel (Host: the tunnel's name): /healthz answers live, /readyz the database up", async () => {
    const response = await fetch(`${origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ok: true, database: "up" });
    const tunnelled = await viaTunnel("/healthz");
    expect(tunnelled.status).toBe(200);
    expect(JSON.parse(tunnelled.body)).toMatchObject({ ok: true });
  });

  it("takes the app URL from the CLI's HOST/APP_URL: Shopify admin's first document request gets the app, and token exchange stores the offline session", async () => {
    const response = await openAsMerchant();
    expect(response.status).toBe(200);
    expect(response.body).toContain("<html");
    const offline = await db.session.findFirst({ where: { shop: app.shop, isOnline: false } });
    expect(offline?.accessToken).toBeTruthy();
  }, 60_000);

  it("runs the background job runner: a refund job queued in the database is carried out in the simulated shop", async () => {
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no simulated store");
    // The merchant opens the app first: the job reaches the shop through the offline session.
    expect((await openAsMerchant()).status).toBe(200);
    expect(await db.session.count({ where: { shop: app.shop, isOnline: false } })).toBe(1);
    const order = store.orders.find(
      (o) =>
        o.cancelledAt === null &&
        o.fulfillmentStatus === "UNFULFILLED" &&
        o.receivedCents > 0 &&
        o.customerId !== null,
    );
    if (!order) throw new Error("the seeded shop has no refundable order");
    // Opening the app started the shop's first import in the dev server's process, which writes
    // the same rows: only this order's row, as an upsert, so the two never clash on (shop, id).
    const row = trackedOrdersFromStore(store).find(
      (r) => r.id === `gid://shopify/Order/${order.id}`,
    );
    if (!row) throw new Error("no tracked row for the order");
    await db.trackedOrder.upsert({
      where: { shop_id: { shop: row.shop, id: row.id } },
      create: row,
      update: {},
    });
    const { remedyRegistry } = await import("../app/remedies/remedy-kinds.server");
    const { createJob } = await import("../app/jobs/jobs.server");
    const kind = remedyRegistry().get("refund");
    if (!kind) throw new Error("no refund job kind");
    expect(refundsOf(store).refundsOf(order.id)).toHaveLength(0);
    const received = order.receivedCents; // the store's record changes once refunded

    const job = await createJob(db, {
      shop: app.shop,
      kind,
      params: { notify: false },
      orderIds: [`gid://shopify/Order/${order.id}`],
      createdBy: "1",
    });

    const finished = await until(
      "the dev server's job runner to finish the job",
      async () => {
        const row = await db.job.findFirst({ where: { id: job.id, shop: app.shop } });
        return row?.status === "completed" ? row : undefined;
      },
      30_000,
    );
    expect(finished.status).toBe("completed");
    expect(
      await db.jobItem.findMany({
        where: { jobId: job.id, shop: app.shop },
        select: { status: true },
      }),
    ).toEqual([{ status: "done" }]);
    const refunds = refundsOf(store).refundsOf(order.id);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]?.totalCents).toBe(received);
  }, 60_000);
});
