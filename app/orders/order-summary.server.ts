// The per-shop row beside the tracked orders (ShopOrderSummary, issue 15). Its counts are kept by
// triggers in the database (prisma/migrations/*_shop_order_summary), so every write to a tracked
// order, whoever makes it, keeps them equal to the aggregate over the rows; this module reads
// them and lets a reforecast pass take its turn.
import type { PrismaClient } from "@prisma/client";
import type { DelayClass } from "./backlog";

export interface OrderSummary {
  counts: Record<DelayClass, number>;
  backlog: { orders: number; units: number };
  /** The latest reforecast pass that finished; null while the shop was never forecast. */
  forecastAt: Date | null;
}

type SummaryDb = Pick<PrismaClient, "shopOrderSummary">;

export async function loadOrderSummary(db: SummaryDb, shop: string): Promise<OrderSummary> {
  const row = await db.shopOrderSummary.findUnique({ where: { shop } });
  return {
    counts: {
      overdue: row?.overdue ?? 0,
      at_risk: row?.atRisk ?? 0,
      on_track: row?.onTrack ?? 0,
    },
    backlog: { orders: row?.backlogOrders ?? 0, units: row?.backlogUnits ?? 0 },
    forecastAt: row?.forecastAt ?? null,
  };
}

/**
 * Starts a reforecast pass: its number, higher than any earlier pass of the shop. A pass writes
 * its batches only while it is still the latest, so two passes never interleave their rows: the
 * later one (which read the later backlog) wins, and the earlier stops at its next batch.
 */
export async function startReforecastPass(db: SummaryDb, shop: string): Promise<number> {
  const row = await db.shopOrderSummary.upsert({
    where: { shop },
    create: { shop, pass: 1 },
    update: { pass: { increment: 1 } },
    select: { pass: true },
  });
  return row.pass;
}

/** Records the pass's instant as the shop's forecast time, if the pass is still the latest. */
export async function finishReforecastPass(
  db: SummaryDb,
  shop: string,
  pass: number,
  forecastAt: Date,
): Promise<boolean> {
  const updated = await db.shopOrderSummary.updateMany({
    where: { shop, pass, OR: [{ forecastAt: null }, { forecastAt: { lt: forecastAt } }] },
    data: { forecastAt },
  });
  return updated.count === 1;
}

export async function isLatestPass(db: SummaryDb, shop: string, pass: number): Promise<boolean> {
  const row = await db.shopOrderSummary.findUnique({ where: { shop }, select: { pass: true } });
  return row?.pass === pass;
}
