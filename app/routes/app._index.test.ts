// The home page's loader, called as Remix calls it, with requests as Shopify admin and App Bridge
// make them, against the simulator and a fresh database.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionToken } from "@delay-desk/simulator/index";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  thrownResponse,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import {
  insertTrackedOrders,
  trackedOrder,
  trackedOrdersFromStore,
} from "../../tests/support/factories";
import { reforecastShop } from "../orders/reforecast.server";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  // The seed's clock is the real one: the dashboard's forecast is taken at the real "now" too.
  app = await startAppUnderTest({ orders: 120, seed: 11 });
  db = (await import("../db.server")).default;
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

describe("home page loader", () => {
  it("shows the empty state before any order is imported", async () => {
    const { loader } = await import("./app._index");
    const { dashboard } = await callRoute(loader, app.embeddedDocumentRequest("/app"));
    expect(dashboard.state).toBe("empty");
    expect(dashboard.counts).toEqual({ overdue: 0, at_risk: 0, on_track: 0 });
    expect(dashboard.nextAction.kind).toBe("none");
  });

  it("exchanges the session token on first open and shows the shop's figures", async () => {
    const { loader } = await import("./app._index");
    const overview = await callRoute(loader, app.embeddedDocumentRequest("/app"));
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no store");

    expect(overview.shop.name).toBe(store.shop.name);
    expect(overview.shop.myshopifyDomain).toBe(app.shop);
    // Shopify's counts are not the document's to wait for or stream: the page fetches them once
    // it is live (app.shop-counts.test.ts).
    expect(overview).not.toHaveProperty("shopCounts");
    expect(app.simulator.faults.plan(app.shop).calls.ordersCount).toBeUndefined();

    const sessions = await db.session.findMany({ where: { shop: app.shop } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.isOnline).toBe(false);
    expect(sessions[0]?.accessToken).toMatch(/^shpat_/);
  });

  it("serves later fetches from the stored session, with App Bridge's bearer token", async () => {
    const { loader } = await import("./app._index");
    const overview = await callRoute(loader, app.bearerRequest("/app"));
    expect(overview.shop.myshopifyDomain).toBe(app.shop);
    expect(overview.dashboard.state).toBe("empty");
  });

  it("refuses a session token signed with another secret", async () => {
    const { loader } = await import("./app._index");
    const forged = mintSessionToken({
      shop: app.shop,
      apiKey: TEST_APP.apiKey,
      apiSecret: "someone-else",
      userId: 1,
    });
    const request = new Request(`${TEST_APP.appUrl}/app`, {
      headers: { Authorization: `Bearer ${forged}` },
    });
    const response = await thrownResponse(callRoute(loader, request));
    expect(response.status).toBe(401);
  });

  it("sends a document request without a session token to the bounce page for a fresh one", async () => {
    const { loader } = await import("./app._index");
    const url = new URL("/app", TEST_APP.appUrl);
    url.search = new URLSearchParams({
      embedded: "1",
      shop: app.shop,
      host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvb2Fr",
    }).toString();
    const response = await thrownResponse(callRoute(loader, new Request(url)));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/session-token\?/);
  });
});

describe("dashboard", () => {
  it("counts the seeded shop's orders by class, from the stored forecast, and asks to pause first", async () => {
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no store");
    await insertTrackedOrders(db, trackedOrdersFromStore(store));
    // Another shop's late orders must not show up here.
    await insertTrackedOrders(db, [
      trackedOrder("elsewhere.myshopify.com", { createdAt: new Date("2026-01-05T12:00:00Z") }),
    ]);
    await reforecastShop(db, "elsewhere.myshopify.com", new Date());

    const { loader } = await import("./app._index");
    const before = await callRoute(loader, app.bearerRequest("/app"));
    expect(before.dashboard.state).toBe("pending");
    expect(before.dashboard.unforecast).toBeGreaterThan(0);

    const summary = await reforecastShop(db, app.shop, new Date(), {
      fallbackTimeZone: store.shop.ianaTimezone,
    });
    const { dashboard } = await callRoute(loader, app.bearerRequest("/app"));
    expect(dashboard.state).toBe("ready");
    expect(dashboard.counts).toEqual(summary.counts);
    // Counted independently, row by row.
    for (const delayClass of ["overdue", "at_risk", "on_track"] as const) {
      expect(await db.trackedOrder.count({ where: { shop: app.shop, delayClass } })).toBe(
        dashboard.counts[delayClass],
      );
    }
    expect(dashboard.counts.overdue).toBeGreaterThan(0);
    expect(dashboard.unforecast).toBe(0);
    expect(dashboard.outlook?.newOrders).toEqual(summary.newOrders);
    expect(dashboard.outlook?.burnDown).toEqual(summary.burnDown);
    expect(dashboard.outlook?.cannotKeepPromise).toBe(true);
    expect(dashboard.nextAction.kind).toBe("pause");

    // Once the storefront is paused, the first action becomes telling the overdue customers.
    await db.storefrontState.create({ data: { shop: app.shop, mode: "paused" } });
    const paused = await callRoute(loader, app.bearerRequest("/app"));
    expect(paused.dashboard.nextAction).toMatchObject({
      kind: "tell-overdue",
      count: dashboard.counts.overdue,
    });
  });

  it("re-forecasts on demand and refuses unknown intents", async () => {
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no store");
    await insertTrackedOrders(db, trackedOrdersFromStore(store));
    const { action } = await import("./app._index");
    const post = (body: Record<string, string>) =>
      app.bearerRequest("/app", { method: "POST", body: new URLSearchParams(body) });
    const result = await callRoute(action, post({ intent: "reforecast" }));
    if (result instanceof Response) throw new Error("expected data");
    expect(Date.now() - new Date(result.reforecastAt).getTime()).toBeLessThan(60_000);
    const forecastAt = await db.trackedOrder.aggregate({
      where: { shop: app.shop },
      _max: { forecastAt: true },
    });
    expect(forecastAt._max.forecastAt?.toISOString()).toBe(result.reforecastAt);
    const refused = await callRoute(action, post({ intent: "drop-tables" }));
    expect(refused instanceof Response ? refused.status : 200).toBe(400);
  });
});
