// The one Customer Account API query the block makes. Customer account UI extensions reach that
// API with the global fetch() at shopify://customer-account/api/<version>/graphql.json, signed in
// by Shopify ("Authentication is handled automatically",
// https://shopify.dev/docs/api/customer-account-ui-extensions/2026-10-rc/target-apis/account-apis/customer-account-api).
// The document is validated against Shopify's customer_2026-10 schema
// (tests/order-status/customer-account-documents.test.ts).
import * as z from "zod/v4/mini";
import { ORDER_STATUS_METAFIELD } from "../../../contracts/order-status-metafield";
import type { OrderFacts } from "./order-status-view";

export const CUSTOMER_ACCOUNT_API_VERSION = "2026-10";
export const CUSTOMER_ACCOUNT_API_URL = `shopify://customer-account/api/${CUSTOMER_ACCOUNT_API_VERSION}/graphql.json`;

export const ORDER_STATUS_QUERY = `#graphql
  query DelayDeskOrderStatus($orderId: ID!, $namespace: String!, $key: String!) {
    order(id: $orderId) {
      id
      cancelledAt
      fulfillmentStatus
      delayDeskStatus: metafield(namespace: $namespace, key: $key) {
        value
      }
    }
  }
`;

const responseSchema = z.object({
  data: z.optional(
    z.object({
      order: z.nullable(
        z.object({
          cancelledAt: z.nullable(z.string()),
          fulfillmentStatus: z.string(),
          delayDeskStatus: z.nullable(z.object({ value: z.string() })),
        }),
      ),
    }),
  ),
});

export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ json(): Promise<unknown> }>;

/** The order's facts, or null when the API does not answer with this order. */
export async function loadOrderFacts(fetcher: Fetch, orderId: string): Promise<OrderFacts | null> {
  const response = await fetcher(CUSTOMER_ACCOUNT_API_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      query: ORDER_STATUS_QUERY,
      variables: {
        orderId,
        namespace: ORDER_STATUS_METAFIELD.namespace,
        key: ORDER_STATUS_METAFIELD.key,
      },
    }),
  });
  const parsed = responseSchema.safeParse(await response.json());
  const order = parsed.success ? parsed.data.data?.order : null;
  if (!order) return null;
  return {
    cancelledAt: order.cancelledAt,
    fulfillmentStatus: order.fulfillmentStatus,
    statusValue: order.delayDeskStatus?.value ?? null,
  };
}
