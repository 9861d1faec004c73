// ThrottledAdmin against the simulator's real leaky bucket. The clock is the simulator's bucket
// clock, and ThrottledAdmin's sleep advances it, so a drained bucket refills without real waiting.
import { GraphqlQueryError } from "@shopify/shopify-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "../../simulator/index";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { ThrottledAdmin } from "./sync-admin.server";

const shop = "oak-and-hide.myshopify.com";
let now = 1_000_000;
let sim: RunningSimulator;
let admin: AdminGraphql;

// What @shopify/shopify-api does with an answer: data through, GraphQL errors thrown as
// GraphqlQueryError whose body keeps the errors and the cost extension.
function libraryLikeAdmin(origin: string, token: string): AdminGraphql {
  return {
    async graphql(query, options) {
      const response = await fetch(`${origin}/${shop}/admin/api/2026-10/graphql.json`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
        body: JSON.stringify({ query, variables: options?.variables }),
      });
      const body = z
        .object({
          data: z.unknown().optional(),
          errors: z.array(z.object({ message: z.string() }).passthrough()).optional(),
          extensions: z.unknown().optional(),
        })
        .parse(await response.json());
      if (body.errors)
        throw new GraphqlQueryError({
          message: body.errors[0]?.message ?? "failed",
          response: {},
          body: { errors: { graphQLErrors: body.errors }, extensions: body.extensions },
        });
      return new Response(JSON.stringify(body));
    },
  };
}

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
  admin = libraryLikeAdmin(sim.origin, sim.issueAccessToken(shop));
});
afterAll(async () => {
  await sim.close();
});

const QUERY = `query Page { orders(first: 250) { nodes { id } } }`;
const pageSchema = z.object({ orders: z.object({ nodes: z.array(z.object({ id: z.string() })) }) });

describe("ThrottledAdmin", () => {
  it("waits for the bucket instead of failing, and counts calls, cost and waiting", async () => {
    const throttled = new ThrottledAdmin(admin, {
      sleep: async (ms) => {
        now += ms;
      },
    });
    for (let i = 0; i < 30; i++)
      expect((await throttled.query(QUERY, pageSchema)).orders.nodes).toHaveLength(250);
    // 30 × 252 requested against a 2,000-point bucket refilling 100/s: about 56 s of waiting.
    expect(throttled.stats.cost).toBe(30 * 252);
    expect(throttled.stats.waitedMs).toBeGreaterThanOrEqual(50_000);
    expect(throttled.stats.calls - throttled.stats.throttled).toBe(30);
  });

  it("retries a THROTTLED answer after the restore time, even when it did not pace itself", async () => {
    let slept = 0;
    const throttled = new ThrottledAdmin(admin, {
      sleep: async (ms) => {
        slept += ms;
        now += ms;
      },
    });
    // Drain the bucket behind its back.
    const other = new ThrottledAdmin(admin, { sleep: async () => undefined });
    for (let i = 0; i < 9; i++) await other.query(QUERY, pageSchema).catch(() => undefined);
    await throttled.query(QUERY, pageSchema);
    expect(throttled.stats.throttled).toBeGreaterThanOrEqual(1);
    expect(slept).toBeGreaterThan(0);
  });

  it("computes the wait from the last throttle status", () => {
    expect(ThrottledAdmin.waitFor(null, 500)).toBe(0);
    expect(
      ThrottledAdmin.waitFor(
        { maximumAvailable: 2000, currentlyAvailable: 600, restoreRate: 100 },
        500,
      ),
    ).toBe(0);
    expect(
      ThrottledAdmin.waitFor(
        { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 },
        500,
      ),
    ).toBe(4000);
  });

  it("throws other GraphQL errors at once", async () => {
    const throttled = new ThrottledAdmin(admin, { sleep: async () => undefined });
    await expect(throttled.query(`query Bad { shop { nope } }`, z.unknown())).rejects.toThrow(
      /nope/,
    );
  });
});
