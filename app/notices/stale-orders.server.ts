// "Weekly is the minimum" (domain guide, rule 3): late orders whose customer has heard nothing for
// seven days, including those never told at all, oldest silence first.
import type { PrismaClient } from "@prisma/client";

export const UPDATE_EVERY_DAYS = 7;

export interface StaleOrder {
  id: string;
  name: string;
  delayClass: string;
  lastToldAt: string | null;
}

export async function ordersWithoutUpdate(
  db: PrismaClient,
  shop: string,
  now: Date,
  limit = 10,
): Promise<{ count: number; never: number; orders: StaleOrder[] }> {
  const late = await db.trackedOrder.findMany({
    where: { shop, delayClass: { in: ["at_risk", "overdue"] }, cancelledAt: null },
    select: { id: true, name: true, delayClass: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const told = await db.notice.groupBy({
    by: ["orderId"],
    where: { shop, status: "sent" },
    _max: { sentAt: true },
  });
  const lastSent = new Map(told.map((row) => [row.orderId, row._max.sentAt]));
  const cutoff = now.getTime() - UPDATE_EVERY_DAYS * 86_400_000;
  const stale = late
    .map((order) => ({ ...order, last: lastSent.get(order.id) ?? null }))
    .filter((order) => order.last === null || order.last.getTime() <= cutoff)
    .sort((a, b) => (a.last?.getTime() ?? 0) - (b.last?.getTime() ?? 0));
  return {
    count: stale.length,
    never: stale.filter((o) => o.last === null).length,
    orders: stale.slice(0, limit).map((o) => ({
      id: o.id,
      name: o.name,
      delayClass: o.delayClass ?? "",
      lastToldAt: o.last?.toISOString() ?? null,
    })),
  };
}
