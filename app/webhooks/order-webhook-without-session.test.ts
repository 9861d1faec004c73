// An order webhook for a shop whose session is gone, as Shopify sends after an uninstall (deliveries
// already queued, or retried for up to 48 hours: shopify.dev "Troubleshooting webhooks"). The
// library answers such a delivery with a context whose session is undefined
// (node_modules/@shopify/shopify-app-remix/dist/esm/server/authenticate/webhooks/authenticate.mjs:
// "if (!session) return webhookContext"), and unauthenticated.admin throws SessionNotFoundError for
// the shop (…/server/unauthenticated/admin/factory.mjs). It used to wedge the process: the sync queue
// retried at once, forever, and /healthz stopped answering. Against that code the queue test below
// does not fail quickly, it hangs: a microtask loop starves every timer, the test's own included
// (checked: killed by `timeout 120`), which is the wedge itself.
import { createOrderSync, orderSyncDeps, type OrderSync } from "../orders/sync.server";
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { signedWebhookRequest } from "@delay-desk/simulator/webhook-request";
import { startAppUnderTest, TEST_APP, type AppUnderTest } from "../../tests/support/app-under-test";
import { deliverToWebhookRoute } from "../../tests/support/webhook-delivery";
import { createHealthCheck } from "../health-check.server";
import { retryDelay } from "../retry-delay";

let app: AppUnderTest;
let db: PrismaClient;
let sync: OrderSync;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 5, seed: 3 });
  db = (await import("../db.server")).default;
  sync = (await import("../services.server")).appServices().orderSync;
});

// Each test on a fresh database: the shop was installed once (its first import ran) and has since
// been uninstalled: no session.
beforeEach(async () => {
  await db.orderSync.create({
    data: { shop: app.shop, kind: "bulk", status: "completed", finishedAt: new Date() },
  });
});

// What a test's deliveries queued is finished before the next test's reset.
afterEach(() => sync.drain());

afterAll(async () => {
  await sync.drain();
  sync.stop();
  await db.$disconnect();
  await app.close();
});

/** Resolves after `ms` of wall time, or never if the event loop is starved. */
function timerFires(ms: number): Promise<number> {
  const started = Date.now();
  return new Promise((resolve) => setTimeout(() => resolve(Date.now() - started), ms));
}

describe("an order webhook for a shop with no session", () => {
  it("answers 200, logs one line without secrets, queues nothing and leaves the server answering", async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const warn = vi.spyOn(console, "warn").mockImplementation(capture);
    const info = vi.spyOn(console, "info").mockImplementation(capture);
    const log = vi.spyOn(console, "log").mockImplementation(capture);
    try {
      const request = signedWebhookRequest({
        url: `${TEST_APP.appUrl}/webhooks/orders/create`,
        topic: "orders/create",
        shop: app.shop,
        payload: {
          id: 1001,
          admin_graphql_api_id: "gid://shopify/Order/1001",
          email: "buyer@example.com",
        },
        apiSecret: TEST_APP.apiSecret,
      });
      const response = await deliverToWebhookRoute(request);
      expect(response.status).toBe(200);

      // Over half a second a wedged queue logs thousands of lines and starves timers.
      const elapsed = await Promise.race([
        timerFires(100),
        new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 2_000)),
      ]);
      expect(elapsed).toBeLessThan(1_000);
      await timerFires(400);
      // Readiness as the hosts answer it (scripts/health-routes.ts): the database, on the check's
      // own connection, within its budget.
      const health = createHealthCheck(process.env.DATABASE_URL);
      try {
        expect(await health.ready()).toMatchObject({ ok: true, database: "up" });
      } finally {
        await health.close();
      }
      await sync.drain();

      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain(app.shop);
      expect(logged[0]).toContain("orders/create");
      expect(logged[0]).not.toContain("buyer@example.com");
      expect(logged[0]).not.toMatch(/shpat_|shprt_|delay-desk-test-secret/);
      // Dropped: nothing recorded, so a reinstall's redelivery is not refused as a duplicate.
      expect(await db.webhookReceipt.count({ where: { shop: app.shop } })).toBe(0);
      expect(await db.trackedOrder.count({ where: { shop: app.shop } })).toBe(0);
    } finally {
      warn.mockRestore();
      info.mockRestore();
      log.mockRestore();
    }
  });
});

describe("the order sync queue", () => {
  it("drops a shop's work with one log line per pass when it has no session, instead of retrying at once", async () => {
    // The library's unauthenticated.admin, which throws SessionNotFoundError before any request
    // when the shop has no offline session; before the fix this made every pass fail at its start
    // with the work still queued, and the queue restarted it at once, forever.
    const shopify = (await import("../shopify.server")).default;
    const lines: string[] = [];
    const queue = createOrderSync(
      orderSyncDeps(
        { db, adminFor: async (shop) => (await shopify.unauthenticated.admin(shop)).admin },
        { warn: (line) => void lines.push(line) },
      ),
    );
    queue.queueOrderRefresh(app.shop, "gid://shopify/Order/1002");
    queue.queueReconcile(app.shop);
    const elapsed = await Promise.race([
      timerFires(200),
      new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 2_000)),
    ]);
    expect(elapsed).toBeLessThan(1_000);
    await queue.drain();
    // The refresh and the reconcile may land in one pass or two (the first can start before the
    // second is queued): a line per pass that found no session, never a line per retry.
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines)
      expect(line.startsWith(`${app.shop}: no offline session (app uninstalled); dropped `)).toBe(
        true,
      );
    expect(lines.join("\n")).toContain("dropped 1 order refresh(es)");
  });

  it("retries a failing pass after exponential, capped delays and gives up with the reason on the import's row", async () => {
    await db.session.create({
      data: {
        id: `offline_${app.shop}`,
        shop: app.shop,
        state: "",
        isOnline: false,
        accessToken: "shpat_backoff",
        scope: "read_orders",
      },
    });
    const row = await db.orderSync.create({
      data: {
        shop: app.shop,
        kind: "bulk",
        status: "running",
        bulkOperationId: "gid://shopify/BulkOperation/77",
      },
    });
    const delays: number[] = [];
    const lines: string[] = [];
    let calls = 0;
    const queue = createOrderSync(
      orderSyncDeps(
        {
          db,
          // Shopify out of reach: what the Admin API client does when every connection fails.
          adminFor: async () => {
            calls += 1;
            throw new Error("connect ECONNREFUSED");
          },
        },
        {
          sleep: async (ms) => {
            delays.push(ms);
            await new Promise((resolve) => setTimeout(resolve, 1));
          },
          retryDelayMs: (failures) => retryDelay(failures, { baseMs: 10, capMs: 40 }),
          maxFailures: 5,
          warn: (line) => void lines.push(line),
        },
      ),
    );
    try {
      queue.queueBulkFinish(app.shop, "gid://shopify/BulkOperation/77");
      await queue.drain();
      expect(calls).toBe(5);
      expect(delays).toEqual([10, 20, 40, 40]);
      expect(lines).toHaveLength(5);
      expect(lines.every((line) => !line.includes("shpat_"))).toBe(true);
      const after = await db.orderSync.findUniqueOrThrow({ where: { id: row.id } });
      expect(after.status).toBe("failed");
      expect(after.error).toBe("gave up after 5 failed tries: connect ECONNREFUSED");
      // Given up means dropped: nothing is retried later.
      await timerFires(100);
      expect(calls).toBe(5);
    } finally {
      await db.session.deleteMany({ where: { shop: app.shop } });
    }
  });
});
