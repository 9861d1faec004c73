// The simulator alone with the fulfillment scopes, a GraphQL client that can drop to a narrower
// scope (the scope checks are part of what these tests hold the simulator to), and the webhooks
// it sends for the given topics, recorded as delivered: for the simulator's own fulfillment
// order and fulfillment tests (no app, no database).
import { expect } from "vitest";
import { z } from "zod";
import { startSimulator, type RunningSimulator } from "@delay-desk/simulator/index";

export const SHOP = "oak-and-hide.myshopify.com";
export const FULFILLMENT_SCOPES =
  "read_all_orders,write_orders,write_merchant_managed_fulfillment_orders";

const responseSchema = z.object({
  data: z.record(z.any()).nullable().optional(),
  errors: z
    .array(z.object({ message: z.string(), extensions: z.record(z.unknown()).optional() }))
    .optional(),
});

export interface FulfillmentSimulator {
  sim: RunningSimulator;
  /** Every webhook delivered, in order; a test empties it (`received.length = 0`) before acting. */
  received: { topic: string; body: unknown }[];
  gql(
    query: string,
    variables: Record<string, unknown>,
    scope?: string,
  ): Promise<z.infer<typeof responseSchema>>;
}

export async function startFulfillmentSimulator({
  orders,
  seed,
  topics,
}: {
  orders: number;
  seed: number;
  topics: string[];
}): Promise<FulfillmentSimulator> {
  const received: FulfillmentSimulator["received"] = [];
  const sim = await startSimulator({
    port: 0,
    app: {
      apiKey: "key",
      apiSecret: "secret",
      appUrl: "https://delay-desk.test",
      scopes: FULFILLMENT_SCOPES,
    },
    shops: [{ domain: SHOP, orders, seed, now: new Date("2026-12-10T15:00:00Z") }],
    webhooks: {
      subscriptions: [{ topics, uri: "/webhooks/fulfillment" }],
      transport: async (request) => {
        received.push({
          topic: request.headers.get("X-Shopify-Topic") ?? "",
          body: JSON.parse(await request.text()),
        });
        return new Response(null, { status: 200 });
      },
    },
  });
  const gql: FulfillmentSimulator["gql"] = async (query, variables, scope = FULFILLMENT_SCOPES) => {
    const token = sim.issueAccessToken(SHOP, scope);
    const reply = await fetch(`${sim.origin}/${SHOP}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables }),
    });
    expect(reply.status).toBe(200);
    return responseSchema.parse(await reply.json());
  };
  return { sim, received, gql };
}
