// "Weekly is the minimum" (domain guide, rule 3): late orders whose customer has heard nothing for
// the shop's cadence (7 days by default), including those never told at all, oldest silence
// first. Customers who asked to cancel are not waiting for news and are left out.
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isSqliteClient } from "../prisma-client.server";
import { rawDateTime } from "../orders/import/save-orders.server";
import { BACKLOG_SQL } from "../orders/backlog";
import { loadOrderSummary } from "../orders/order-summary.server";
import { loadShopSettings } from "../settings/shop-settings.server";

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
): Promise<{ count: number; never: number; cadenceDays: number; orders: StaleOrder[] }> {
  const { noticeCadenceDays: cadenceDays } = await loadShopSettings(db, shop);
  const cancelled = await db.customerChoice.findMany({
    where: { shop, choice: "cancel" },
    select: { orderId: true },
  });
  const asked = new Set(cancelled.map((c) => c.orderId));
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
  const cutoff = now.getTime() - cadenceDays * 86_400_000;
  const stale = late
    .filter((order) => !asked.has(order.id))
    .map((order) => ({ ...order, last: lastSent.get(order.id) ?? null }))
    .filter((order) => order.last === null || order.last.getTime() <= cutoff)
    .sort((a, b) => (a.last?.getTime() ?? 0) - (b.last?.getTime() ?? 0));
  return {
    count: stale.length,
    never: stale.filter((o) => o.last === null).length,
    cadenceDays,
    orders: stale.slice(0, limit).map((o) => ({
      id: o.id,
      name: o.name,
      delayClass: o.delayClass ?? "",
      lastToldAt: o.last?.toISOString() ?? null,
    })),
  };
}

const countRow = z.array(z.object({ n: z.union([z.number(), z.bigint(), z.string()]) }));

/**
 * ordersWithoutUpdate's count alone, for a loader at 100k orders: the late orders of the backlog
 * from the per-shop summary (kept by the database), less those told within the cadence or whose
 * customer asked to cancel, counted from those few (the notices of the last days, the cancel
 * requests) rather than by reading every late order.
 */
export async function countOrdersWithoutUpdate(
  db: PrismaClient,
  shop: string,
  now: Date,
): Promise<{ count: number; cadenceDays: number }> {
  const [{ noticeCadenceDays: cadenceDays }, summary] = await Promise.all([
    loadShopSettings(db, shop),
    loadOrderSummary(db, shop),
  ]);
  const cutoff = new Date(now.getTime() - cadenceDays * 86_400_000);
  // Stored instants: SQLite holds Prisma's ISO text (rawDateTime's form, which sorts as time),
  // PostgreSQL a timestamp.
  const after = isSqliteClient(db)
    ? Prisma.sql`${rawDateTime(cutoff)}`
    : Prisma.sql`CAST(${cutoff.toISOString()} AS TIMESTAMP(3))`;
  const heard = countRow.parse(
    await db.$queryRaw`SELECT COUNT(*) AS "n" FROM "TrackedOrder"
      WHERE "shop" = ${shop} AND "delayClass" IN ('at_risk', 'overdue') AND ${Prisma.raw(BACKLOG_SQL)}
        AND "id" IN (
          SELECT "orderId" FROM "Notice"
            WHERE "shop" = ${shop} AND "status" = 'sent' AND "sentAt" > ${after}
          UNION
          SELECT "orderId" FROM "CustomerChoice" WHERE "shop" = ${shop} AND "choice" = 'cancel')`,
  );
  const late = summary.counts.overdue + summary.counts.at_risk;
  return { count: late - Number(heard[0]?.n ?? 0), cadenceDays };
}
