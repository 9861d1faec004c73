// The one Admin client against the simulator's real leaky bucket (simulator/cost.ts follows
// https://shopify.dev/docs/api/usage/limits#graphql-admin-api-rate-limits: requested cost claimed
// up front, THROTTLED with extensions.cost when the bucket is short). The clock is the simulator's
// bucket clock, and the client's sleep advances it, so a drained bucket refills without waiting.
import { HttpResponseError } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";
import { libraryLikeAdmin } from "../../tests/support/library-like-admin";
import { pagedOrderSchema } from "../orders/order-row";
import { RECONCILE_ORDERS_QUERY, RECONCILE_PAGE_SIZE } from "../orders/sync-reconcile.server";
import { SHOP_TIME_ZONE_QUERY } from "../settings/shop-time-zone.server";
import { AdminApiError, TransientAdminError } from "./admin-errors";
import { AdminClient, adminQuery, type AdminGraphql } from "./graphql.server";
import type { OperationData, UnselectedFields } from "./operations";

const shop = "oak-and-hide.myshopify.com";
let now = 1_000_000;
let sim: RunningSimulator;
let admin: AdminGraphql;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    clock: () => now,
    app: {
      apiKey: "k",
      apiSecret: "s",
      appUrl: "https://delay-desk.test",
      scopes:
        "read_all_orders,read_orders,read_products,read_customers,read_merchant_managed_fulfillment_orders",
    },
    shops: [{ domain: shop, orders: 300, seed: 2 }],
  });
  admin = libraryLikeAdmin(sim.origin, shop, sim.issueAccessToken(shop));
});
afterAll(async () => {
  await sim.close();
});

const pageSchema = z.object({
  orders: z.object({ nodes: z.array(pagedOrderSchema) }),
});
const page = { first: RECONCILE_PAGE_SIZE, after: null, query: "" };

const advancing = async (ms: number) => {
  now += ms;
};

describe("AdminClient", () => {
  it("waits for the bucket instead of failing, and counts calls, cost and waiting", async () => {
    now += 60_000; // a full bucket again
    const client = new AdminClient(admin, { sleep: advancing });
    for (let i = 0; i < 30; i++)
      expect(
        (await client.request(RECONCILE_ORDERS_QUERY, pageSchema, page)).orders.nodes,
      ).toHaveLength(RECONCILE_PAGE_SIZE);
    // 30 pages charge more than the 2,000-point bucket holds; it refills 100/s (Standard), so the
    // client must have waited at least for what it spent beyond the first full bucket.
    expect(client.stats.cost).toBeGreaterThan(4000);
    expect(client.stats.waitedMs).toBeGreaterThanOrEqual(((client.stats.cost - 2000) / 100) * 1000);
    expect(client.stats.calls - client.stats.throttled).toBe(30);
    expect(client.stats.cost).toBeGreaterThan(0);
  });

  it("retries a THROTTLED answer after the restore time, even when it did not pace itself", async () => {
    now += 60_000;
    // Drain the bucket behind its back: a client that never really waits gives up on THROTTLED.
    const other = new AdminClient(admin, { sleep: async () => undefined, maxThrottledInARow: 0 });
    let refused: unknown = null;
    for (let i = 0; i < 40 && !refused; i++)
      await other.request(RECONCILE_ORDERS_QUERY, pageSchema, page).catch((error: unknown) => {
        refused = error;
      });
    expect(refused).toBeInstanceOf(TransientAdminError);
    expect(refused instanceof AdminApiError && refused.throttled).toBe(true);

    let slept = 0;
    const client = new AdminClient(admin, {
      sleep: async (ms) => {
        slept += ms;
        now += ms;
      },
    });
    await client.request(RECONCILE_ORDERS_QUERY, pageSchema, page);
    expect(client.stats.throttled).toBeGreaterThanOrEqual(1);
    expect(slept).toBeGreaterThan(0);
  });

  it("throws other GraphQL errors at once, with Shopify's code", async () => {
    now += 60_000;
    const client = new AdminClient(admin, { sleep: advancing });
    // 250 orders with these connections is over the 1,000-point single-query limit.
    const error: unknown = await client
      .request(RECONCILE_ORDERS_QUERY, pageSchema, { ...page, first: 250 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).not.toBeInstanceOf(TransientAdminError);
    expect(error instanceof AdminApiError ? error.details.map((d) => d.code) : []).toEqual([
      "MAX_COST_EXCEEDED",
    ]);
    expect(client.stats.calls).toBe(1);
  });

  it("reports an answer its parser cannot read as an AdminApiError naming the field", async () => {
    const strict = z.object({ shop: z.object({ ianaTimezone: z.number() }) });
    await expect(adminQuery(admin, SHOP_TIME_ZONE_QUERY, strict)).rejects.toThrow(
      /ShopTimeZone failed: unexpected response shape: .* at shop\.ianaTimezone/,
    );
  });

  it("sorts transport failures: 5xx is transient, 4xx is a refusal, a thrown Response passes through", async () => {
    const failing = (error: unknown): AdminGraphql => ({
      graphql: async () => {
        throw error;
      },
    });
    const http = (code: number) =>
      new HttpResponseError({ message: "x", code, statusText: code >= 500 ? "Oops" : "Forbidden" });
    const unavailable = await adminQuery(
      failing(http(503)),
      SHOP_TIME_ZONE_QUERY,
      z.unknown(),
    ).catch((e: unknown) => e);
    expect(unavailable).toBeInstanceOf(TransientAdminError);
    const forbidden = await adminQuery(failing(http(403)), SHOP_TIME_ZONE_QUERY, z.unknown()).catch(
      (e: unknown) => e,
    );
    expect(forbidden).toBeInstanceOf(AdminApiError);
    expect(forbidden).not.toBeInstanceOf(TransientAdminError);
    // @shopify/shopify-app-remix throws a Response to send the merchant through OAuth again.
    const reauth = new Response(null, { status: 401 });
    await expect(adminQuery(failing(reauth), SHOP_TIME_ZONE_QUERY, z.unknown())).rejects.toBe(
      reauth,
    );
  });
});

describe("a parser tied to its document", () => {
  it("may not read a field the document does not select: tsc refuses it, as Shopify's answer would", async () => {
    const readsName = z.object({ shop: z.object({ ianaTimezone: z.string(), name: z.string() }) });
    expectTypeOf<
      UnselectedFields<z.input<typeof readsName>, OperationData<typeof SHOP_TIME_ZONE_QUERY>>
    >().toEqualTypeOf<"shop.name">();
    // If this ever compiled, the directive itself would fail `npm run typecheck`.
    // @ts-expect-error -- ShopTimeZone selects shop.ianaTimezone only; the parser reads shop.name.
    const drifted = adminQuery(admin, SHOP_TIME_ZONE_QUERY, readsName);
    await expect(drifted).rejects.toThrow(/unexpected response shape: .* at shop\.name/);
    // Reading fewer fields than selected is fine.
    const readsLess = z.object({ shop: z.object({}) });
    await expect(adminQuery(admin, SHOP_TIME_ZONE_QUERY, readsLess)).resolves.toEqual({ shop: {} });
  });
});
