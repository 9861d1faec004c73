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

/** The instant `cutoff` as a stored DateTime compares: SQLite holds Prisma's ISO text (rawDateTime's
 * form, which sorts as time), PostgreSQL a timestamp. */
function storedInstant(db: PrismaClient, at: Date): Prisma.Sql {
  return isSqliteClient(db)
    ? Prisma.sql`${rawDateTime(at)}`
    : Prisma.sql`CAST(${at.toISOString()} AS TIMESTAMP(3))`;
}

const LATE_BACKLOG = Prisma.raw(
  `"TrackedOrder"."delayClass" IN ('at_risk', 'overdue') AND ${BACKLOG_SQL}`,
);

/** The orders whose customer has been written to (a sent notice), or who asked to cancel. */
const heardOf = (shop: string, after: Prisma.Sql | null) =>
  Prisma.sql`SELECT "orderId" FROM "Notice"
      WHERE "shop" = ${shop} AND "status" = 'sent' ${after ? Prisma.sql`AND "sentAt" > ${after}` : Prisma.empty}
    UNION
    SELECT "orderId" FROM "CustomerChoice" WHERE "shop" = ${shop} AND "choice" = 'cancel'`;

/**
 * How many late orders of the backlog have heard nothing within the cadence (`count`) and how
 * many were never written to at all (`never`): the late orders from the per-shop summary (kept by
 * the database), less those heard of, counted from the few notices and cancel requests rather than
 * by reading every late order (a loader at 100k orders, issue 15).
 */
export async function countOrdersWithoutUpdate(
  db: PrismaClient,
  shop: string,
  now: Date,
): Promise<{ count: number; never: number; cadenceDays: number }> {
  const [{ noticeCadenceDays: cadenceDays }, summary] = await Promise.all([
    loadShopSettings(db, shop),
    loadOrderSummary(db, shop),
  ]);
  const after = storedInstant(db, new Date(now.getTime() - cadenceDays * 86_400_000));
  const [row] = countsRow.parse(
    await db.$queryRaw`SELECT COUNT(*) AS "told",
        COALESCE(SUM(CASE WHEN "id" IN (${heardOf(shop, after)}) THEN 1 ELSE 0 END), 0) AS "heard"
      FROM "TrackedOrder"
      WHERE "shop" = ${shop} AND ${LATE_BACKLOG} AND "id" IN (${heardOf(shop, null)})`,
  );
  const late = summary.counts.overdue + summary.counts.at_risk;
  return {
    count: late - Number(row?.heard ?? 0),
    never: late - Number(row?.told ?? 0),
    cadenceDays,
  };
}

const countsRow = z.array(
  z.object({
    told: z.union([z.number(), z.bigint(), z.string()]),
    heard: z.union([z.number(), z.bigint(), z.string()]),
  }),
);
const staleRows = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    delayClass: z.string().nullable(),
    // MAX over a DateTime comes back as the adapter gives it (a Date, or SQLite's ISO text).
    last: z
      .union([z.date(), z.string(), z.number(), z.null()])
      .transform((v) => (v === null ? null : new Date(v))),
  }),
);

/**
 * The late orders whose customer has heard nothing for the shop's cadence (never told first, by
 * age; then the longest silence), the first `limit` of them, with the counts. Two small queries
 * in the database's order instead of every late order and every notice read into memory.
 */
export async function ordersWithoutUpdate(
  db: PrismaClient,
  shop: string,
  now: Date,
  limit = 10,
): Promise<{ count: number; never: number; cadenceDays: number; orders: StaleOrder[] }> {
  const counts = await countOrdersWithoutUpdate(db, shop, now);
  const after = storedInstant(db, new Date(now.getTime() - counts.cadenceDays * 86_400_000));
  const neverTold = staleRows.parse(
    await db.$queryRaw`SELECT "id", "name", "delayClass", NULL AS "last" FROM "TrackedOrder"
      WHERE "shop" = ${shop} AND ${LATE_BACKLOG} AND "id" NOT IN (${heardOf(shop, null)})
      ORDER BY "createdAt" ASC, "id" ASC LIMIT ${limit}`,
  );
  const longSilent =
    neverTold.length < limit
      ? staleRows.parse(
          await db.$queryRaw`SELECT "id", "name", "delayClass", told."last" AS "last"
            FROM "TrackedOrder" JOIN (
              SELECT "orderId", MAX("sentAt") AS "last" FROM "Notice"
                WHERE "shop" = ${shop} AND "status" = 'sent' GROUP BY "orderId"
            ) AS told ON told."orderId" = "TrackedOrder"."id"
            WHERE "shop" = ${shop} AND ${LATE_BACKLOG} AND told."last" <= ${after}
              AND "id" NOT IN (SELECT "orderId" FROM "CustomerChoice"
                WHERE "shop" = ${shop} AND "choice" = 'cancel')
            ORDER BY told."last" ASC, "createdAt" ASC, "id" ASC LIMIT ${limit - neverTold.length}`,
        )
      : [];
  return {
    ...counts,
    orders: [...neverTold, ...longSilent].map((o) => ({
      id: o.id,
      name: o.name,
      delayClass: o.delayClass ?? "",
      lastToldAt: o.last?.toISOString() ?? null,
    })),
  };
}
