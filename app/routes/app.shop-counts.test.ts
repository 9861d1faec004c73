// The dashboard's Shopify counts, asked for by the page once it is live (app.shop-counts.tsx):
// called as Remix calls it, with requests as App Bridge's fetch and Shopify admin make them,
// against the simulator (two shops) and a fresh database. Authenticated exactly as the dashboard,
// each shop's own counts, nothing but the counts in the answer.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { mintSessionToken } from "@delay-desk/simulator/index";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  thrownResponse,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { countOrdersByShipping } from "../../tests/support/order-counts";

const OTHER_SHOP = "birch-and-brass.myshopify.com";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest(
    { orders: 90, seed: 12 },
    { otherShops: [{ domain: OTHER_SHOP, orders: 40, seed: 5 }] },
  );
  db = (await import("../db.server")).default;
});

afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

const countSchema = z.object({ count: z.number(), precision: z.enum(["EXACT", "AT_LEAST"]) });
// Strict: a key beyond the counts (a session, a token) fails the parse.
const answerSchema = z
  .object({
    counts: z.object({ unshipped: countSchema, partial: countSchema }).strict().nullable(),
  })
  .strict();

async function countsFrom(request: Request) {
  const { loader } = await import("./app.shop-counts");
  const response = await callRoute(loader, request);
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  const text = await response.text();
  expect(text).not.toMatch(/shpat_|shpua_|accessToken|Bearer/);
  return answerSchema.parse(JSON.parse(text)).counts;
}

function shopifyCounts(shop: string) {
  const store = app.simulator.stores.get(shop);
  if (!store) throw new Error(`no store ${shop}`);
  // Counted by hand from the simulator's orders, not through its search code.
  return countOrdersByShipping(store);
}

describe("Shopify's counts for the dashboard", () => {
  it("sends a document request without a session token to the bounce page, as the dashboard does", async () => {
    const { loader } = await import("./app.shop-counts");
    const url = new URL("/app/shop-counts", TEST_APP.appUrl);
    url.search = new URLSearchParams({
      embedded: "1",
      shop: app.shop,
      host: "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvb2Fr",
    }).toString();
    const response = await thrownResponse(callRoute(loader, new Request(url)));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/auth\/session-token\?/);
    expect(await db.session.count()).toBe(0);
  });

  it("refuses a session token signed with another secret with 401", async () => {
    const { loader } = await import("./app.shop-counts");
    const forged = mintSessionToken({
      shop: app.shop,
      apiKey: TEST_APP.apiKey,
      apiSecret: "someone-else",
      userId: 1,
    });
    const request = new Request(`${TEST_APP.appUrl}/app/shop-counts`, {
      headers: { Authorization: `Bearer ${forged}` },
    });
    const response = await thrownResponse(callRoute(loader, request));
    expect(response.status).toBe(401);
    expect(app.simulator.faults.plan(app.shop).calls.ordersCount).toBeUndefined();
  });

  it("answers no counts when Shopify cannot count, which the page shows as a dash", async () => {
    app.simulator.faults.set(OTHER_SHOP, [
      { field: "ordersCount", kind: "http", when: { every: 1 } },
    ]);
    expect(await countsFrom(app.bearerRequestFrom(OTHER_SHOP, "/app/shop-counts"))).toBeNull();
    expect(app.simulator.faults.plan(OTHER_SHOP).injected).toHaveLength(1);
    // A failed count is not kept: the next fetch asks Shopify again (below).
    app.simulator.faults.clear(OTHER_SHOP);
  });

  it("answers App Bridge's fetch with the shop's own counts, and another shop's fetch with its own", async () => {
    const ours = shopifyCounts(app.shop);
    const theirs = shopifyCounts(OTHER_SHOP);
    // Different shops, different figures: a mix-up could not pass unnoticed.
    expect(ours).not.toEqual(theirs);
    expect(ours.unshipped).toBeGreaterThan(0);

    // The first fetch of each shop exchanges its session token for the shop's session.
    expect(await countsFrom(app.bearerRequest("/app/shop-counts"))).toEqual({
      unshipped: { count: ours.unshipped, precision: "EXACT" },
      partial: { count: ours.partial, precision: "EXACT" },
    });
    // Asked right after, while the first shop's counts are kept: still the other shop's own.
    expect(await countsFrom(app.bearerRequestFrom(OTHER_SHOP, "/app/shop-counts"))).toEqual({
      unshipped: { count: theirs.unshipped, precision: "EXACT" },
      partial: { count: theirs.partial, precision: "EXACT" },
    });
    expect(app.simulator.faults.plan(OTHER_SHOP).calls.ordersCount).toBe(1);
    // And each shop's Shopify was asked for its own counts, once: the kept answer serves again.
    expect(await countsFrom(app.bearerRequest("/app/shop-counts"))).toEqual({
      unshipped: { count: ours.unshipped, precision: "EXACT" },
      partial: { count: ours.partial, precision: "EXACT" },
    });
    expect(app.simulator.faults.plan(app.shop).calls.ordersCount).toBe(1);
  });
});
