// The simulator alone on a free port with a GraphQL client for it, for the simulator's own remedy
// mutation and fault tests (no app, no database).
import { expect } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";
import type { FaultRuleInput } from "@delay-desk/simulator/faults";

export const SHOP = "oak-and-hide.myshopify.com";
const app = {
  apiKey: "key",
  apiSecret: "secret",
  appUrl: "https://delay-desk.test",
  scopes:
    "read_all_orders,write_orders,write_order_edits,write_discounts,read_products,read_customers,read_merchant_managed_fulfillment_orders",
};

const responseSchema = z.object({
  data: z.any().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.record(z.unknown()).optional(),
        path: z.array(z.unknown()).optional(),
      }),
    )
    .optional(),
  extensions: z.object({
    cost: z.object({ requestedQueryCost: z.number(), actualQueryCost: z.number().nullable() }),
  }),
});

export async function startRemedySimulator(faults?: FaultRuleInput[]): Promise<{
  sim: RunningSimulator;
  gql: (
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<z.infer<typeof responseSchema>>;
  post: (
    query: string,
    variables?: Record<string, unknown>,
    signal?: AbortSignal,
  ) => Promise<Response>;
}> {
  const sim = await startSimulator({
    port: 0,
    app,
    shops: [{ domain: SHOP, orders: 60, seed: 3, now: new Date("2026-12-10T15:00:00Z") }],
    ...(faults ? { faults: { [SHOP]: faults } } : {}),
  });
  const token = sim.issueAccessToken(SHOP);
  const post = (query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal) =>
    fetch(`${sim.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables }),
      ...(signal ? { signal } : {}),
    });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const reply = await post(query, variables);
    expect(reply.status).toBe(200);
    return responseSchema.parse(await reply.json());
  };
  return { sim, gql, post };
}

export function unfulfilledPaidOrders(sim: RunningSimulator) {
  return (
    sim.stores
      .get(SHOP)
      ?.orders.filter(
        (order) =>
          order.financialStatus === "PAID" &&
          order.fulfillmentStatus === "UNFULFILLED" &&
          order.cancelledAt === null &&
          order.shippingCents > 0,
      ) ?? []
  );
}
