// Reads one order's history rows, scoped by shop, and turns them into its timeline.
import type { PrismaClient } from "@prisma/client";
import { describeRange, estimateRangeOf } from "../notices/estimate-range";
import { buildTimeline, lastTold, type TimelineEntry } from "./order-timeline";
import { gidId, toGid } from "../admin-api/gid";

export function orderGid(numericId: string): string | null {
  return /^\d{1,20}$/.test(numericId) ? toGid("Order", numericId) : null;
}

export function orderNumericId(gid: string): string {
  return gidId(gid);
}

export interface OrderHistory {
  order: {
    id: string;
    name: string;
    customer: string;
    email: string | null;
    createdAt: string;
    promisedShipDate: string | null;
    delayClass: string | null;
    estimate: string | null;
    total: string;
    currencyCode: string;
  };
  lastTold: { at: string; range: string; revision: number } | null;
  choice: { choice: string; at: string } | null;
  entries: TimelineEntry[];
}

/** Names of staff ids the app has seen (the storefront log keeps them), for "who acted". */
async function knownStaffNames(db: PrismaClient, shop: string): Promise<Map<string, string>> {
  const rows = await db.modeChange.findMany({
    where: { shop, actorId: { not: null }, actorName: { not: null } },
    select: { actorId: true, actorName: true },
    distinct: ["actorId"],
  });
  const names = new Map<string, string>();
  for (const row of rows) if (row.actorId && row.actorName) names.set(row.actorId, row.actorName);
  return names;
}

export async function loadOrderHistory(
  db: PrismaClient,
  shop: string,
  orderId: string,
  extraNames: ReadonlyMap<string, string> = new Map(),
  day?: (date: string) => string,
): Promise<OrderHistory | null> {
  const order = await db.trackedOrder.findUnique({ where: { shop_id: { shop, id: orderId } } });
  if (!order) return null;
  const [events, notices, choice, names] = await Promise.all([
    db.orderEvent.findMany({ where: { shop, orderId }, orderBy: { createdAt: "asc" } }),
    db.notice.findMany({ where: { shop, orderId }, orderBy: { revision: "asc" } }),
    db.customerChoice.findUnique({ where: { shop_orderId: { shop, orderId } } }),
    knownStaffNames(db, shop),
  ]);
  for (const [id, name] of extraNames) names.set(id, name);
  const range = estimateRangeOf(order);
  return {
    order: {
      id: order.id,
      name: order.name,
      customer:
        [order.customerFirstName, order.customerLastName].filter(Boolean).join(" ") || "Guest",
      email: order.email,
      createdAt: order.createdAt.toISOString(),
      promisedShipDate: order.promisedShipDate,
      delayClass: order.delayClass,
      estimate: range ? describeRange(range) : null,
      total: order.totalAmount,
      currencyCode: order.currencyCode,
    },
    lastTold: lastTold(notices),
    choice: choice ? { choice: choice.choice, at: choice.chosenAt.toISOString() } : null,
    entries: buildTimeline({ order, events, notices, staffNames: names, ...(day ? { day } : {}) }),
  };
}
