// The periodic reconcile and the order webhooks keep working across expiring offline tokens, with
// no failure and no duplicate. The first admin page load exchanges a session token for an
// expiring offline token (expiring=1: 60-minute access token, 90-day refresh token;
// https://shopify.dev/changelog/offline-access-tokens-now-support-expiry-and-refresh). Mid-run the
// test ends the access token with the simulator's control, after which Shopify answers 401
// (https://shopify.dev/docs/api/usage/response-codes). The library refreshes only while building an
// admin context, never on a 401 (@shopify/shopify-app-remix src/server/helpers/
// ensure-valid-offline-session.ts, src/server/unauthenticated/admin/factory.ts), so this fails
// unless the app's background admin replaces the token itself.
import type { OrderSync } from "./sync.server";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { toGid } from "@delay-desk/simulator/gid";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import { startAppUnderTest, type AppUnderTest } from "../../tests/support/app-under-test";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { openAppBeforeEachTest, settleOrderSync } from "../../tests/support/webhook-delivery";

let app: AppUnderTest;
let db: PrismaClient;
let store: ShopStore;
let sync: OrderSync;
const warnings: string[] = [];
const logged: string[] = [];
const restoreConsole: (() => void)[] = [];
/** Called before each background Admin call; a test sets it to end the token at chosen calls. */
let beforeCall: (call: number) => void = () => {};
let calls = 0;

const settle = () => settleOrderSync(app.simulator, sync);

async function control(pathname: string, body: unknown = {}): Promise<void> {
  const response = await fetch(`${app.simulator.origin}/${app.shop}/simulator/${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.text()).toBeLessThan(300);
}

const refreshes = () =>
  app.simulator.tokenGrants(app.shop).filter((g) => g.grant === "refresh_token");

async function storedRow(order: OrderRecord) {
  return db.trackedOrder.findUniqueOrThrow({
    where: { shop_id: { shop: app.shop, id: toGid("Order", order.id) } },
  });
}

const unitsRemaining = (order: OrderRecord) =>
  order.cancelledAt !== null
    ? 0
    : order.lineItems.reduce((sum, item) => sum + item.quantity - item.fulfilledQuantity, 0);

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 150, seed: 12 });
  process.env.LOG_LEVEL = "debug";
  // Every console line the app writes while these tests run, at the library's most talkative
  // level, to check that no token is in one (console.error already fails a test:
  // tests/setup/fail-on-console-error.ts).
  for (const method of ["log", "info", "warn", "debug"] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(" "));
    });
    restoreConsole.push(() => spy.mockRestore());
  }
  const { buildAppServices } = await import("../services.server");
  const services = buildAppServices({
    orderSync: {
      pollIntervalMs: 20,
      warn: (message) => warnings.push(message),
      // The app's own background admin; the test only counts its calls to end the token mid-run.
      adminFor: async (shop): Promise<AdminGraphql> => {
        const admin = services.backgroundAdmin(shop);
        return {
          graphql: (query, options) => {
            calls += 1;
            beforeCall(calls);
            return admin.graphql(query, options);
          },
        };
      },
    },
  });
  sync = services.orderSync;
  db = services.db;
  const found = app.simulator.stores.get(app.shop);
  if (!found) throw new Error("no store");
  store = found;
});

openAppBeforeEachTest(() => ({ app, sync }));

afterAll(async () => {
  await settle();
  for (const restore of restoreConsole) restore();
  sync.stop();
  await db.$disconnect();
  await app.close();
});

describe("expiring offline tokens", () => {
  it("the first admin page load stores an expiring offline token: about 60 minutes, with a 90-day refresh token", async () => {
    const session = await db.session.findUniqueOrThrow({ where: { id: `offline_${app.shop}` } });
    const exchanges = app.simulator
      .tokenGrants(app.shop)
      .filter((g) => g.grant === "token_exchange");
    expect(exchanges).toHaveLength(1);
    expect(session.accessToken).toBe(exchanges[0]?.accessToken);
    expect(session.refreshToken).toMatch(/^shprt_/);
    const minutesLeft = ((session.expires?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(58);
    expect(minutesLeft).toBeLessThanOrEqual(60);
    const daysLeft = ((session.refreshTokenExpires?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(Math.round(daysLeft)).toBe(90);
  });

  it("an order webhook handled after the token was ended: the order is re-read on a refreshed token, once, with no retry by Shopify", async () => {
    const before = refreshes().length;
    // Every test's first page load exchanged a token of its own (the simulator lives for the
    // file): all of the shop's live tokens end.
    expect(app.simulator.expireAccessToken(app.shop)).toBeGreaterThan(0);
    const order = store.orders.find(
      (o) => o.cancelledAt === null && o.fulfillmentStatus === "UNFULFILLED",
    );
    if (!order) throw new Error("no open order");
    const deliveriesBefore = app.simulator.webhooks.deliveries(app.shop).length;
    await control(`orders/${order.id}/fulfil`);
    await settle();
    expect((await storedRow(order)).unitsRemaining).toBe(0);
    expect(unitsRemaining(order)).toBe(0);
    const deliveries = app.simulator.webhooks.deliveries(app.shop).slice(deliveriesBefore);
    expect(deliveries.map((d) => d.topic).sort()).toEqual(["orders/fulfilled", "orders/updated"]);
    // Each answered 200 on its first attempt: Shopify had nothing to retry, so nothing ran twice.
    expect(deliveries.map((d) => [d.outcome, d.attempts.map((a) => a.status)])).toEqual([
      ["delivered", [200]],
      ["delivered", [200]],
    ]);
    expect(
      refreshes()
        .slice(before)
        .map((g) => g.outcome),
    ).toEqual(["issued"]);
    expect(warnings).toEqual([]);
  });

  it("an order webhook arriving 4 minutes before expiry: authenticate.webhook gets a refreshed token first, and the stored pair is the new one", async () => {
    const before = refreshes().length;
    await db.session.update({
      where: { id: `offline_${app.shop}` },
      data: { expires: new Date(Date.now() + 4 * 60_000) },
    });
    const order = store.orders.find(
      (o) => o.cancelledAt === null && o.fulfillmentStatus === "UNFULFILLED",
    );
    if (!order) throw new Error("no open order");
    await control(`orders/${order.id}/fulfil`);
    await settle();
    expect((await storedRow(order)).unitsRemaining).toBe(0);
    const issued = refreshes().slice(before);
    expect(issued.map((g) => g.outcome)).toEqual(["issued"]);
    const session = await db.session.findUniqueOrThrow({ where: { id: `offline_${app.shop}` } });
    expect(session.accessToken).toBe(issued[0]?.accessToken);
    expect(warnings).toEqual([]);
  });

  it("the periodic reconcile across two token ends: every missed change is repaired, each order stored once", async () => {
    // Forty fulfilments whose webhooks are lost, so only the reconcile can bring them in.
    const changed = store.orders
      .filter((o) => o.cancelledAt === null && o.fulfillmentStatus === "UNFULFILLED")
      .slice(0, 40);
    expect(changed).toHaveLength(40);
    await control("webhooks/drop-next", { count: 80 });
    for (const order of changed) await control(`orders/${order.id}/fulfil`);
    await settle();
    for (const order of changed) expect((await storedRow(order)).unitsRemaining).toBeGreaterThan(0);

    const before = refreshes().length;
    const ended: number[] = [];
    calls = 0;
    // RECONCILE_PAGE_SIZE is 8: 40 orders are 5 pages; end the token before the 2nd and 4th call.
    beforeCall = (call) => {
      if (call === 2 || call === 4) ended.push(app.simulator.expireAccessToken(app.shop));
    };
    sync.queueReconcile(app.shop);
    await settle();
    beforeCall = () => {};

    // Each time a live token was ended (the one before the last refresh may still be live too).
    expect(ended).toHaveLength(2);
    expect(ended.every((n) => n >= 1)).toBe(true);
    const reconciles = await db.orderSync.findMany({
      where: { shop: app.shop, kind: "reconcile" },
    });
    expect(reconciles.map((r) => r.status)).toEqual(["completed"]);
    for (const order of changed) expect((await storedRow(order)).unitsRemaining).toBe(0);
    expect(await db.trackedOrder.count({ where: { shop: app.shop } })).toBe(store.orders.length);
    expect(
      refreshes()
        .slice(before)
        .map((g) => g.outcome),
    ).toEqual(["issued", "issued"]);
    expect(warnings).toEqual([]);
  });

  it("no access or refresh token ever reached the console", () => {
    const tokens = app.simulator
      .tokenGrants(app.shop)
      .flatMap((g) => [g.accessToken, g.refreshToken])
      .filter((t): t is string => typeof t === "string");
    expect(tokens.length).toBeGreaterThan(4);
    // At debug level the library logs each new session, webhook and Admin error: there is something to check.
    expect(logged.length).toBeGreaterThan(0);
    const leaks = logged.filter((line) => tokens.some((token) => line.includes(token)));
    expect(leaks).toEqual([]);
  });
});
