// The home page's loader, called as Remix calls it, with requests as Shopify admin and App Bridge
// make them, against the simulator and a fresh database.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionToken } from "../../simulator/index";
import { callRoute, startAppUnderTest, TEST_APP, type AppUnderTest } from "../../tests/support/app-under-test";
import { countOrdersByShipping } from "../../tests/support/order-counts";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 120, seed: 11 });
  db = (await import("../db.server")).default;
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

async function thrownResponse(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected the loader to throw a Response");
}

describe("home page loader", () => {
  it("exchanges the session token on first open and shows the shop's figures", async () => {
    const { loader } = await import("./app._index");
    const overview = await callRoute(loader, app.embeddedDocumentRequest("/app"));
    const store = app.simulator.stores.get(app.shop);
    if (!store) throw new Error("no store");
    const expected = countOrdersByShipping(store);

    expect(overview.shop.name).toBe(store.shop.name);
    expect(overview.shop.myshopifyDomain).toBe(app.shop);
    expect(overview.unshipped).toEqual({ count: expected.unshipped, precision: "EXACT" });
    expect(overview.partial).toEqual({ count: expected.partial, precision: "EXACT" });
    expect(expected.unshipped).toBeGreaterThan(0);

    const sessions = await db.session.findMany({ where: { shop: app.shop } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.isOnline).toBe(false);
    expect(sessions[0]?.accessToken).toMatch(/^shpat_/);
  });

  it("serves later fetches from the stored session, with App Bridge's bearer token", async () => {
    const { loader } = await import("./app._index");
    const overview = await callRoute(loader, app.bearerRequest("/app"));
    expect(overview.shop.myshopifyDomain).toBe(app.shop);
  });

  it("refuses a session token signed with another secret", async () => {
    const { loader } = await import("./app._index");
    const forged = mintSessionToken({ shop: app.shop, apiKey: TEST_APP.apiKey, apiSecret: "someone-else", userId: 1 });
    const request = new Request(`${TEST_APP.appUrl}/app`, { headers: { Authorization: `Bearer ${forged}` } });
    const response = await thrownResponse(callRoute(loader, request));
    expect(response.status).toBe(401);
  });

  it("sends a document request without a session token to the bounce page for a fresh one", async () => {
    const { loader } = await import("./app._index");
    const url = new URL("/app", TEST_APP.appUrl);
    url.search = new URLSearchParams({ embedded: "1", shop: app.shop, host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvb2Fr" }).toString();
    const response = await thrownResponse(callRoute(loader, new Request(url)));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/session-token\?/);
  });
});
