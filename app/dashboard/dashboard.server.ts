// What the dashboard shows, read from the forecast columns with aggregates only (groupBy, count,
// sum): the page must stay fast at 100k orders, so it never loads the rows themselves.
import type { PrismaClient } from "@prisma/client";
import { backlogWhere, isDelayClass, type DelayClass } from "../orders/backlog";
import { shopOutlook, type ShopOutlook } from "../orders/shop-outlook";
import { loadShopSettings } from "../settings/shop-settings.server";
import { nextAction, type NextAction } from "./next-action";

export interface DashboardImport {
  status: "running" | "completed" | "failed";
  ordersImported: number;
  startedAt: string;
  error: string | null;
}

export interface Dashboard {
  /** "empty": nothing imported yet; "pending": orders imported but never forecast. */
  state: "empty" | "pending" | "ready";
  counts: Record<DelayClass, number>;
  /** Open orders imported after the last forecast (not yet classified). */
  unforecast: number;
  backlog: { orders: number; units: number };
  forecastAt: string | null;
  outlook: ShopOutlook | null;
  nextAction: NextAction;
  lastImport: DashboardImport | null;
  storefrontPaused: boolean;
}

type DashboardDb = Pick<
  PrismaClient,
  "trackedOrder" | "shopSettings" | "orderSync" | "storefrontState"
>;

export async function loadDashboard(
  db: DashboardDb,
  shop: string,
  options: { fallbackTimeZone?: string } = {},
): Promise<Dashboard> {
  const where = backlogWhere(shop);
  const [settings, byClass, totals, latest, lastSync, storefront] = await Promise.all([
    loadShopSettings(db, shop, options.fallbackTimeZone),
    db.trackedOrder.groupBy({ by: ["delayClass"], where, _count: { _all: true } }),
    db.trackedOrder.aggregate({ where, _count: { _all: true }, _sum: { unitsRemaining: true } }),
    db.trackedOrder.aggregate({
      where: { shop },
      _max: { forecastAt: true },
      _count: { _all: true },
    }),
    db.orderSync.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } }),
    db.storefrontState.findUnique({ where: { shop }, select: { mode: true } }),
  ]);

  const counts: Record<DelayClass, number> = { overdue: 0, at_risk: 0, on_track: 0 };
  let unforecast = 0;
  for (const group of byClass) {
    if (isDelayClass(group.delayClass)) counts[group.delayClass] += group._count._all;
    else unforecast += group._count._all;
  }
  const backlog = { orders: totals._count._all, units: totals._sum.unitsRemaining ?? 0 };
  const forecastAt = latest._max.forecastAt;
  // The outlook is taken at the forecast's own instant so it agrees with the stored classes;
  // the page says how old it is and offers a fresh forecast.
  const outlook = forecastAt ? shopOutlook(backlog, settings.rules, forecastAt) : null;
  const storefrontPaused = storefront?.mode === "paused";
  const state = latest._count._all === 0 ? "empty" : forecastAt === null ? "pending" : "ready";

  return {
    state,
    counts,
    unforecast,
    backlog,
    forecastAt: forecastAt?.toISOString() ?? null,
    outlook,
    nextAction: nextAction({
      counts,
      cannotKeepPromise: outlook?.cannotKeepPromise ?? false,
      newOrders: outlook?.newOrders ?? null,
      storefrontPaused,
    }),
    lastImport: lastSync
      ? {
          status:
            lastSync.status === "running" || lastSync.status === "failed"
              ? lastSync.status
              : "completed",
          ordersImported: lastSync.ordersImported,
          startedAt: lastSync.startedAt.toISOString(),
          error: lastSync.error,
        }
      : null,
    storefrontPaused,
  };
}
