// Re-reads single orders after webhooks. Webhook bodies are REST-shaped and lack what the forecast
// needs (fulfillBy, product tags, collections), so the webhook only says *which* order changed and
// this reads its current state by GraphQL: applying it twice, or late, or out of order gives the
// same row (docs/order-import.md).
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { pagedOrderSchema, TRACKED_ORDER_FRAGMENTS } from "./order-row";
import { saveOneOrder } from "./import/save-orders.server";
import type { AdminClient } from "../admin-api/graphql.server";

export const SYNC_ORDER_QUERY = `#graphql
  query SyncOrder($id: ID!) {
    shop {
      ianaTimezone
    }
    order(id: $id) {
      ...TrackedOrderFields
      lineItems(first: 50) {
        nodes {
          ...TrackedLineItemFields
          product {
            collections(first: 10) {
              nodes {
                id
              }
            }
          }
        }
        pageInfo {
          hasNextPage
        }
      }
      fulfillmentOrders(first: 10) {
        nodes {
          ...TrackedFulfillmentOrderFields
        }
      }
    }
  }
  ${TRACKED_ORDER_FRAGMENTS}` as const;

const syncOrderSchema = z.object({
  shop: z.object({ ianaTimezone: z.string() }),
  order: pagedOrderSchema.nullable(),
});

export interface RefreshResult {
  found: boolean;
  timeZone: string;
}

/** Reads one order and stores it; an order Shopify no longer has is dropped. */
export async function refreshOrder(
  db: PrismaClient,
  admin: AdminClient,
  shop: string,
  orderId: string,
  now = new Date(),
): Promise<RefreshResult> {
  const data = await admin.request(SYNC_ORDER_QUERY, syncOrderSchema, { id: orderId });
  if (!data.order) {
    await db.trackedOrder.deleteMany({ where: { shop, id: orderId } });
    return { found: false, timeZone: data.shop.ianaTimezone };
  }
  await saveOneOrder(db, shop, data.order.order, now);
  return { found: true, timeZone: data.shop.ianaTimezone };
}
