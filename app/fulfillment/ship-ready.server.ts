// Split shipments (issue 14 point 2; docs/decisions/015-split-shipments.md): read an order's lines from its fulfillment
// orders, and ship the lines staff marked ready with one fulfillmentCreate naming those
// fulfillment-order lines and quantities, while the rest stays on the fulfillment order, waiting.
// The shipment is recorded on the order's timeline, and the order is re-read from Shopify and
// re-forecast at once, so its promise and at-risk state count only what is still to ship.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import type { AdminClient } from "../admin-api/graphql.server";
import { refreshOrder } from "../orders/sync-order.server";
import { reforecastShop } from "../orders/reforecast.server";
import { describeUserErrors } from "../remedies/user-errors";
import type { StaffIdentity } from "../staff/staff-identity";
import {
  describeLines,
  linesToShip,
  mayShip,
  planShipment,
  type OrderLineToShip,
  type ShipRequest,
  type ShippableFulfillmentOrder,
  type ShippedLine,
} from "./ready-lines";

// Five fulfillment orders of fifty lines keep the query under Shopify's 1,000-point single-query
// limit (calculated cost: connection size times the cost of each node); an order with more is
// beyond what the page ships in one go.
export const READY_LINES_OF_ORDER = `#graphql
  query ReadyLinesOfOrder($id: ID!) {
    order(id: $id) {
      id
      name
      cancelledAt
      displayFulfillmentStatus
      fulfillmentOrders(first: 5) {
        nodes {
          id
          status
          supportedActions {
            action
          }
          assignedLocation {
            location {
              id
            }
          }
          lineItems(first: 50) {
            nodes {
              id
              totalQuantity
              remainingQuantity
              lineItem {
                id
                name
                sku
              }
            }
          }
        }
      }
    }
  }
`;

export const SHIP_READY_LINES = `#graphql
  mutation ShipReadyLines($fulfillment: FulfillmentInput!) {
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment {
        id
        status
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const readyLinesData = z.object({
  order: z
    .object({
      id: z.string(),
      name: z.string(),
      cancelledAt: z.string().nullable(),
      displayFulfillmentStatus: z.string(),
      fulfillmentOrders: z.object({
        nodes: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            supportedActions: z.array(z.object({ action: z.string() })),
            assignedLocation: z.object({
              location: z.object({ id: z.string() }).nullable(),
            }),
            lineItems: z.object({
              nodes: z.array(
                z.object({
                  id: z.string(),
                  totalQuantity: z.number().int(),
                  remainingQuantity: z.number().int(),
                  lineItem: z.object({
                    id: z.string(),
                    name: z.string(),
                    sku: z.string().nullable(),
                  }),
                }),
              ),
            }),
          }),
        ),
      }),
    })
    .nullable(),
});

const shipData = z.object({
  fulfillmentCreate: z
    .object({
      fulfillment: z.object({ id: z.string(), status: z.string() }).nullable(),
      userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() })),
    })
    .nullable(),
});

export interface ReadyLines {
  orderName: string;
  displayFulfillmentStatus: string;
  cancelled: boolean;
  lines: OrderLineToShip[];
}

async function readOrder(admin: AdminClient, orderId: string) {
  const data = await admin.request(READY_LINES_OF_ORDER, readyLinesData, { id: orderId });
  if (!data.order) return null;
  const fos: ShippableFulfillmentOrder[] = data.order.fulfillmentOrders.nodes.map((fo) => ({
    id: fo.id,
    status: fo.status,
    supportedActions: fo.supportedActions.map((supported) => supported.action),
    locationId: fo.assignedLocation.location?.id ?? null,
    lineItems: fo.lineItems.nodes,
  }));
  return { order: data.order, fos };
}

/** The order's lines with what is left and what Shopify lets ship now (a read: loaders use it). */
export async function loadReadyLines(
  admin: AdminClient,
  orderId: string,
): Promise<ReadyLines | null> {
  const read = await readOrder(admin, orderId);
  if (!read) return null;
  return {
    orderName: read.order.name,
    displayFulfillmentStatus: read.order.displayFulfillmentStatus,
    cancelled: read.order.cancelledAt !== null,
    lines: linesToShip(read.fos),
  };
}

export type ShipReview =
  | { ok: true; shipped: ShippedLine[]; stillComing: ShippedLine[] }
  | { ok: false; status: 400 | 403 | 404 | 409 | 422; message: string };

/** What "Ship ready items now" would do, checked against Shopify as it is now; ships nothing. */
export async function reviewShipment(
  admin: AdminClient,
  orderId: string,
  request: ShipRequest,
): Promise<ShipReview> {
  const read = await readOrder(admin, orderId);
  if (!read) return { ok: false, status: 404, message: "Shopify no longer has this order." };
  if (read.order.cancelledAt)
    return { ok: false, status: 409, message: "The order is cancelled: nothing ships." };
  const plan = planShipment(read.fos, request);
  if (!plan.ok) return plan;
  return { ok: true, shipped: plan.shipped, stillComing: plan.stillComing };
}

export interface ShipReadyInput {
  shop: string;
  orderId: string;
  request: ShipRequest;
  staff: StaffIdentity | null;
  now?: Date;
}

export type ShipResult =
  | { ok: true; fulfillmentId: string; shipped: ShippedLine[]; stillComing: ShippedLine[] }
  | { ok: false; status: 400 | 403 | 404 | 409 | 422; message: string };

export async function shipReadyLines(
  db: PrismaClient,
  admin: AdminClient,
  input: ShipReadyInput,
): Promise<ShipResult> {
  const { shop, orderId } = input;
  const permission = mayShip(input.staff);
  if (!permission.ok || !input.staff)
    return {
      ok: false,
      status: 403,
      message: permission.ok ? "Not allowed." : permission.message,
    };
  const read = await readOrder(admin, orderId);
  if (!read) return { ok: false, status: 404, message: "Shopify no longer has this order." };
  if (read.order.cancelledAt)
    return { ok: false, status: 409, message: "The order is cancelled: nothing ships." };
  const plan = planShipment(read.fos, input.request);
  if (!plan.ok) return plan;

  const answer = await admin.request(SHIP_READY_LINES, shipData, { fulfillment: plan.input });
  const payload = answer.fulfillmentCreate;
  if (!payload?.fulfillment || payload.userErrors.length > 0)
    return {
      ok: false,
      status: 422,
      message: describeUserErrors("the shipment", payload?.userErrors ?? []),
    };

  const now = input.now ?? new Date();
  await db.orderEvent.create({
    data: {
      shop,
      orderId,
      kind: "split_shipment",
      actorId: input.staff.id,
      actorName: input.staff.name,
      createdAt: now,
      detail: JSON.stringify({
        summary: `Shipped ${describeLines(plan.shipped)}`,
        shipped: plan.shipped,
        stillComing: plan.stillComing,
        fulfillmentId: payload.fulfillment.id,
        trackingNumber: input.request.tracking.number,
        trackingCompany: input.request.tracking.company,
      }),
    },
  });
  // Shopify now counts the shipped units as fulfilled; the order row and its forecast follow at
  // once rather than at the next webhook (which will find nothing new).
  const refreshed = await refreshOrder(db, admin, shop, orderId, now);
  await reforecastShop(db, shop, now, { fallbackTimeZone: refreshed.timeZone });
  return {
    ok: true,
    fulfillmentId: payload.fulfillment.id,
    shipped: plan.shipped,
    stillComing: plan.stillComing,
  };
}
