// The periodic reconcile: pages through orders updated since the last watermark (sortKey
// UPDATED_AT, by cursor) and rewrites them, so anything a lost or failed webhook missed is repaired.
// It follows the rate limit (AdminClient) and never fails on THROTTLED.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { saveOrders } from "./import/save-orders.server";
import { pagedOrderSchema, TRACKED_ORDER_FRAGMENTS, type ImportedOrder } from "./order-row";
import { refreshOrder } from "./sync-order.server";
import type { AdminClient } from "../admin-api/graphql.server";

// 8 orders × (10 line items × (product + variant + 5 collections) + 5 fulfillment orders) stays
// under Shopify's 1,000-point single-query limit (9 cost 1,029 once lines read their variant, for
// lead-time rules by variant); orders with more line items are re-read one by one.
export const RECONCILE_PAGE_SIZE = 8;

export const RECONCILE_ORDERS_QUERY = `#graphql
  query ReconcileOrders($first: Int!, $after: String, $query: String!) {
    shop {
      ianaTimezone
    }
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        ...TrackedOrderFields
        lineItems(first: 10) {
          nodes {
            ...TrackedLineItemFields
            product {
              collections(first: 5) {
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
        fulfillmentOrders(first: 5) {
          nodes {
            ...TrackedFulfillmentOrderFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${TRACKED_ORDER_FRAGMENTS}` as const;

const pageSchema = z.object({
  shop: z.object({ ianaTimezone: z.string() }),
  orders: z.object({
    nodes: z.array(pagedOrderSchema),
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
  }),
});

// Shopify's updated_at has second precision and writes land a little out of order; re-reading a
// short overlap costs a few rows and the writes are idempotent.
export const WATERMARK_OVERLAP_MS = 60_000;

export interface ReconcileResult {
  status: "completed" | "skipped";
  orders: number;
  watermark: Date | null;
  timeZone: string | null;
}

/** The instant after which changes may not be imported yet, from the last finished sync. */
export async function currentWatermark(db: PrismaClient, shop: string): Promise<Date | null> {
  const last = await db.orderSync.findFirst({
    where: { shop, status: "completed", watermark: { not: null } },
    orderBy: { watermark: "desc" },
  });
  return last?.watermark ?? null;
}

/** Shopify's search syntax for "updated after": quoted ISO instant. */
export function updatedSinceQuery(watermark: Date): string {
  return `updated_at:>'${new Date(watermark.getTime() - WATERMARK_OVERLAP_MS).toISOString().replace(/\.\d{3}Z$/, "Z")}'`;
}

export async function reconcileOrders(
  db: PrismaClient,
  admin: AdminClient,
  shop: string,
  now = new Date(),
): Promise<ReconcileResult> {
  const watermark = await currentWatermark(db, shop);
  // Without a first sync there is nothing to reconcile against: the bulk import comes first.
  if (!watermark) return { status: "skipped", orders: 0, watermark: null, timeZone: null };
  const sync = await db.orderSync.create({
    data: { shop, kind: "reconcile", status: "running", watermark },
  });
  let latest = watermark;
  let count = 0;
  let timeZone: string | null = null;
  try {
    let after: string | null = null;
    do {
      const page: z.infer<typeof pageSchema> = await admin.request(
        RECONCILE_ORDERS_QUERY,
        pageSchema,
        { first: RECONCILE_PAGE_SIZE, after, query: updatedSinceQuery(watermark) },
      );
      timeZone = page.shop.ianaTimezone;
      const complete: ImportedOrder[] = [];
      for (const { order, lineItemsComplete } of page.orders.nodes) {
        if (lineItemsComplete) complete.push(order);
        else await refreshOrder(db, admin, shop, order.id, now);
        const updated = new Date(order.updatedAt);
        if (updated > latest) latest = updated;
      }
      const saved = await saveOrders(db, shop, complete, now);
      count += page.orders.nodes.length - complete.length + saved.count;
      after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
    } while (after !== null);
    await db.orderSync.update({
      where: { id: sync.id },
      data: {
        status: "completed",
        watermark: latest,
        ordersImported: count,
        finishedAt: new Date(),
      },
    });
    return { status: "completed", orders: count, watermark: latest, timeZone };
  } catch (error) {
    await db.orderSync.update({
      where: { id: sync.id },
      data: {
        status: "failed",
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      },
    });
    throw error;
  }
}
