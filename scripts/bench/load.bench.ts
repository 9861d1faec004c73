// Load (issue 12 point 6): several app instances on one PostgreSQL database, each `npm start` in
// its own process behind a round-robin "load balancer" (scripts/app-instances.ts), take a bounded
// burst of correctly signed order webhooks and dashboard loads at once, while /healthz (liveness)
// and /readyz (readiness) are probed;
// then one instance on SQLite takes the same. Every webhook's effect is checked in the database:
// its receipt (shop, topic, X-Shopify-Event-Id) and the order as the simulator now has it, re-read
// through the durable sync queue. Figures are printed, never asserted, except that nothing is
// lost: a lost webhook fails the section.
//
// Sizes are flags: `npm run bench -- load --webhooks 500 --dashboards 100 --instances 2`.
//
// What Shopify does that this relies on:
// - A delivery that gets no 2xx within 5 s is retried, 8 times over 4 hours
//   (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism; the 5 s deadline:
//   https://shopify.dev/docs/apps/build/webhooks/subscribe/https), so the webhook latency that
//   matters is against 5 s, and a 5xx is not a loss but a redelivery. Here a delivery is abandoned
//   at 5 s; every non-2xx or abandoned one counts as an error of the burst, and is then delivered
//   again (same Event-Id) until accepted, up to Shopify's 8 retries; one never accepted is lost.
// - Apps should expect bursts ("Prepare your system to handle occasional bursts of webhook
//   traffic", same page): the routes only verify, record and queue (app/webhooks/), the queue
//   does the Admin API reads afterwards.
// - Each delivery is signed over the raw body with the app's secret in X-Shopify-Hmac-Sha256 and
//   carries X-Shopify-Event-Id, the key duplicates are told by
//   (https://shopify.dev/docs/apps/build/webhooks/verify-deliveries,
//   https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates): simulator/webhook-request.ts.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { PrismaClient } from "@prisma/client";
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";
import { signedWebhookRequest } from "@delay-desk/simulator/webhook-request";
import { restOrder } from "@delay-desk/simulator/webhooks/payloads";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import { TEST_APP } from "../../tests/support/app-under-test";
import { freshDatabaseUrl } from "../../tests/support/database";
import { insertTrackedOrders, trackedOrdersFromStore } from "../../tests/support/factories";
import {
  findPostgresBin,
  postgresqlDatabaseUrl,
  psql,
  startPostgresServer,
} from "../../tests/support/postgres-server";
import { tomlScopes } from "../app-config";
import { ensureAppBuild } from "../app-build";
import { HEALTH_PATHS, probeHealth, startAppInstance, type AppInstance } from "../app-instances";
import type { BenchRow } from "../bench";
import { fmtMs, percentile } from "./measure";

export const title =
  "Load: a burst of signed webhooks and dashboard loads on several instances (PostgreSQL) and one (SQLite)";

const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  strict: false,
  options: {
    webhooks: { type: "string" },
    concurrency: { type: "string" },
    dashboards: { type: "string" },
    "dashboard-concurrency": { type: "string" },
    instances: { type: "string" },
    orders: { type: "string" },
    "drain-timeout": { type: "string" },
  },
});
function size(name: string, fallback: number): number {
  const raw = flags[name];
  const value = typeof raw === "string" ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}
const WEBHOOKS = size("webhooks", 5_000);
const CONCURRENCY = size("concurrency", 100);
const DASHBOARDS = size("dashboards", 1_000);
const DASHBOARD_CONCURRENCY = size("dashboard-concurrency", 10);
const INSTANCES = size("instances", 3);
// Several deliveries per order, as a busy order gets (paid, edited, fulfilled …).
const ORDERS = size("orders", Math.max(1, Math.ceil(WEBHOOKS / 5)));
const DRAIN_TIMEOUT_MS = size("drain-timeout", 600) * 1000;
/** Shopify's total timeout for one delivery, and its tries after the first (see above). */
const SHOPIFY_TIMEOUT_MS = 5_000;
const SHOPIFY_RETRIES = 8;

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

interface Sample {
  /** Which request of the burst. */
  i: number;
  ms: number;
  status: number | null;
  error?: string;
}

/** Runs `count` requests, `concurrency` at a time; `make(i)` builds the i-th. */
async function burst(
  count: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<{ samples: Sample[]; wallMs: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        try {
          const response = await send(i);
          await response.arrayBuffer();
          samples.push({ i, ms: performance.now() - t, status: response.status });
        } catch (error) {
          const cause =
            error instanceof Error && error.cause instanceof Error ? error.cause : error;
          const message = cause instanceof Error ? cause.message : String(cause);
          samples.push({ i, ms: performance.now() - t, status: null, error: message.slice(0, 60) });
        }
      }
    }),
  );
  return { samples, wallMs: performance.now() - started };
}

function statusCounts(samples: Array<{ status: number | null; error?: string }>): string {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const key = s.status === null ? (s.error ?? "no answer") : String(s.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(", ");
}

function latencyRows(label: string, run: { samples: Sample[]; wallMs: number }): BenchRow[] {
  const ms = run.samples.map((s) => s.ms);
  const errors = run.samples.filter((s) => s.status === null || s.status >= 400).length;
  return [
    {
      figure: `${label}: throughput`,
      value: `${Math.round((run.samples.length / run.wallMs) * 1000).toLocaleString("en-US")} req/s`,
      note: `${run.samples.length.toLocaleString("en-US")} in ${fmtMs(run.wallMs)}`,
    },
    {
      figure: `${label}: p50 / p95 / max`,
      value: `${fmtMs(percentile(ms, 50))} / ${fmtMs(percentile(ms, 95))} / ${fmtMs(Math.max(0, ...ms))}`,
    },
    {
      figure: `${label}: errors`,
      value: String(errors),
      note: `non-2xx or no answer${errors > 0 ? `: ${statusCounts(run.samples)}` : ""}`,
    },
  ];
}

/** What the first install leaves: an offline session, the install record, a finished import. */
async function installShop(db: PrismaClient, sim: RunningSimulator, shop: string): Promise<void> {
  await db.session.create({
    data: {
      id: `offline_${shop}`,
      shop,
      state: "",
      isOnline: false,
      scope: tomlScopes(),
      accessToken: sim.issueAccessToken(shop),
    },
  });
  await db.shopInstall.create({ data: { shop } });
  const store = sim.stores.get(shop);
  if (!store) throw new Error(`no store ${shop}`);
  await insertTrackedOrders(db, trackedOrdersFromStore(store));
  await db.orderSync.create({
    data: { shop, kind: "bulk", status: "completed", finishedAt: new Date() },
  });
}

interface Target {
  label: string;
  databaseUrl: string;
  instances: number;
}

async function untilDrained(db: PrismaClient, shop: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const left = await db.syncTask.count({ where: { shop, failures: 0 } });
    if (left === 0) return performance.now() - started;
    if (performance.now() - started > DRAIN_TIMEOUT_MS)
      throw new Error(`${shop}: ${left} sync tasks still queued after ${DRAIN_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function measure(sim: RunningSimulator, target: Target, shop: string): Promise<BenchRow[]> {
  const { createPrismaClient } = await import("../../app/prisma-client.server");
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SHOPIFY_API_KEY: TEST_APP.apiKey,
    SHOPIFY_API_SECRET: TEST_APP.apiSecret,
    SHOPIFY_APP_URL: TEST_APP.appUrl,
    SCOPES: tomlScopes(),
    DATABASE_URL: target.databaseUrl,
    SHOPIFY_ADMIN_ORIGIN: sim.origin,
    ORDER_RECONCILE_INTERVAL_MS: "0",
    LOG_LEVEL: "warning",
    // e.g. BENCH_LOAD_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles each instance.
    NODE_OPTIONS: process.env.BENCH_LOAD_NODE_OPTIONS,
  };
  // The first instance migrates; the others wait on Prisma's advisory lock (scripts/preflight.ts).
  const instances: AppInstance[] = [];
  for (let i = 0; i < target.instances; i++) instances.push(await startAppInstance(env));
  const db = createPrismaClient(target.databaseUrl);
  try {
    await installShop(db, sim, shop);
    const store: ShopStore | undefined = sim.stores.get(shop);
    if (!store) throw new Error(`no store ${shop}`);
    const orders = store.orders.slice(0, ORDERS);
    // Each order changes in Shopify before its deliveries (whole seconds: Shopify's timestamps).
    const changedAt = Math.ceil(Date.now() / 1000) * 1000 + 60_000;
    orders.forEach((order, i) => (order.updatedAt = changedAt + (i % 50) * 1000));
    const eventIds = Array.from({ length: WEBHOOKS }, () => randomUUID());
    const origins = instances.map((i) => i.origin);
    const health = probeHealth(origins, 100);
    const deliver = (i: number) => {
      const order = orders[i % orders.length];
      if (!order) throw new Error("no order");
      // Round robin over the instances, as a load balancer spreads Shopify's deliveries.
      const request = signedWebhookRequest({
        url: `${origins[i % origins.length]}/webhooks/orders/updated`,
        topic: "orders/updated",
        shop,
        payload: restOrder(order),
        apiSecret: TEST_APP.apiSecret,
        eventId: eventIds[i],
      });
      // Shopify gives up on a delivery after 5 s and retries it later.
      return fetch(request, { signal: AbortSignal.timeout(SHOPIFY_TIMEOUT_MS) });
    };
    const [webhooks, dashboards] = await Promise.all([
      burst(WEBHOOKS, CONCURRENCY, deliver),
      burst(DASHBOARDS, DASHBOARD_CONCURRENCY, (i) => {
        // The embedded app's document load: Shopify admin opens /app with a fresh session token.
        const host = Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`)
          .toString("base64")
          .replace(/=+$/, "");
        const url = new URL(`${origins[i % origins.length]}/app`);
        url.searchParams.set("embedded", "1");
        url.searchParams.set("shop", shop);
        url.searchParams.set("host", host);
        url.searchParams.set("id_token", sim.mintSessionToken(shop));
        // From a browser: the library answers a bot's user agent with 410 (isbot).
        return fetch(url, { headers: { accept: "text/html", "user-agent": BROWSER } });
      }),
    ]);
    const probes = await health.stop();
    // Shopify's retries of what got no 2xx (same Event-Id; its backoff not waited out here).
    const final = new Map(webhooks.samples.map((s) => [s.i, s.status]));
    const refused = webhooks.samples.filter((s) => s.status !== 200).length;
    for (let round = 0; round < SHOPIFY_RETRIES; round++) {
      const again = [...final].filter(([, status]) => status !== 200).map(([i]) => i);
      if (again.length === 0) break;
      const retry = await burst(again.length, 10, (n) => deliver(again[n] ?? 0));
      for (const sample of retry.samples) final.set(again[sample.i] ?? 0, sample.status);
    }
    const neverAccepted = [...final.values()].filter((status) => status !== 200).length;
    const drainMs = await untilDrained(db, shop);

    // Lost: a webhook answered (or not) whose receipt is missing, or an order whose change never
    // reached the database.
    const receipts = new Set(
      (
        await db.webhookReceipt.findMany({
          where: { shop, topic: "orders/updated" },
          select: { eventId: true },
        })
      ).map((r) => r.eventId),
    );
    // A delivery that got no 2xx is Shopify's to retry (an error, not a loss); one that got 200 must
    // have left its receipt and its order's change.
    const accepted = webhooks.samples.filter((s) => final.get(s.i) === 200);
    const missingReceipts = accepted.filter((s) => !receipts.has(eventIds[s.i] ?? "")).length;
    const tracked = new Map(
      (
        await db.trackedOrder.findMany({ where: { shop }, select: { id: true, updatedAt: true } })
      ).map((o) => [o.id, o.updatedAt.getTime()]),
    );
    const acceptedOrders = new Set(accepted.map((s) => s.i % orders.length));
    const stale = orders
      .filter((_, index) => acceptedOrders.has(index))
      .filter((o) => tracked.get(`gid://shopify/Order/${o.id}`) !== o.updatedAt).length;
    const failedTasks = await db.syncTask.count({ where: { shop, failures: { gt: 0 } } });
    const label = target.label;
    const rows: BenchRow[] = [
      ...latencyRows(`${label} webhooks (concurrency ${CONCURRENCY})`, webhooks),
      ...latencyRows(`${label} dashboard loads (concurrency ${DASHBOARD_CONCURRENCY})`, dashboards),
      ...HEALTH_PATHS.map((path) => {
        const asked = probes.filter((p) => p.path === path);
        const answered = asked.filter((p) => p.status === 200).map((p) => p.ms);
        return {
          figure: `${label} ${path} (${path === "/healthz" ? "liveness" : "readiness"}) under load: p50 / p95 / failed`,
          value: `${fmtMs(percentile(answered, 50))} / ${fmtMs(percentile(answered, 95))} / ${asked.length - answered.length}`,
          note: `${asked.length} probes, every 100 ms per instance, 5 s timeout${asked.length > answered.length ? `; ${statusCounts(asked.filter((p) => p.status !== 200))}` : ""}`,
        };
      }),
      {
        figure: `${label} sync queue drained after the burst`,
        value: fmtMs(drainMs),
        note: `${orders.length.toLocaleString("en-US")} orders re-read through the Admin API`,
      },
      {
        figure: `${label} refused in the burst, accepted when Shopify retried`,
        value: `${refused - neverAccepted} of ${refused}`,
        note: `up to ${SHOPIFY_RETRIES} redeliveries each`,
      },
      {
        figure: `${label} lost`,
        value: String(missingReceipts + stale + neverAccepted),
        note: `of ${accepted.length.toLocaleString("en-US")} answered 200: ${missingReceipts} receipts missing, ${stale} orders not updated; ${neverAccepted} never accepted; ${failedTasks} sync tasks failing`,
      },
    ];
    if (missingReceipts + stale + neverAccepted > 0)
      throw new Error(
        `${label}: ${missingReceipts + stale + neverAccepted} webhooks lost\n${rows.map((r) => `${r.figure} ${r.value}`).join("\n")}`,
      );
    return rows;
  } finally {
    await db.$disconnect();
    await Promise.all(instances.map((i) => i.stop()));
  }
}

export async function run(): Promise<BenchRow[]> {
  await ensureAppBuild();
  const shops = { postgresql: "load-pg.myshopify.com", sqlite: "load-sqlite.myshopify.com" };
  const sim = await startSimulator({
    port: 0,
    app: { ...TEST_APP, scopes: tomlScopes() },
    // Shopify Plus: the queue's re-reads are not what this measures (the sync section is).
    shops: Object.values(shops).map((domain, i) => ({
      domain,
      orders: ORDERS,
      seed: 31 + i,
      plan: "PLUS" as const,
    })),
  });
  const binDir = findPostgresBin();
  const rows: BenchRow[] = [
    {
      figure: "burst",
      value: `${WEBHOOKS.toLocaleString("en-US")} orders/updated webhooks over ${ORDERS.toLocaleString("en-US")} orders + ${DASHBOARDS.toLocaleString("en-US")} dashboard loads, at once`,
    },
  ];
  try {
    if (binDir) {
      const server = await startPostgresServer(binDir);
      try {
        psql(binDir, server.url, `CREATE DATABASE "delay_desk_load"`);
        rows.push(
          ...(await measure(
            sim,
            {
              label: `PostgreSQL ×${INSTANCES}`,
              databaseUrl: postgresqlDatabaseUrl(server.url, "delay_desk_load"),
              instances: INSTANCES,
            },
            shops.postgresql,
          )),
        );
      } finally {
        server.stop();
      }
    } else {
      rows.push({ figure: "PostgreSQL", value: "skipped", note: "no PostgreSQL binaries found" });
    }
    rows.push(
      ...(await measure(
        sim,
        { label: "SQLite ×1", databaseUrl: freshDatabaseUrl(), instances: 1 },
        shops.sqlite,
      )),
    );
  } finally {
    await sim.close();
  }
  return rows;
}
