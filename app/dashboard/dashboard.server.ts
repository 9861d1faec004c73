// What the dashboard shows, read from the shop's order summary (one row the database keeps equal
// to the aggregate over the tracked orders, app/orders/order-summary.server.ts): the page must
// stay fast at 100k orders, so it never reads, or even counts, the rows themselves (issue 15).
import type { PrismaClient } from "@prisma/client";
import type { DelayClass } from "../orders/backlog";
import { loadOrderSummary } from "../orders/order-summary.server";
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
  "trackedOrder" | "shopSettings" | "orderSync" | "storefrontState" | "shopOrderSummary"
>;

export async function loadDashboard(
  db: DashboardDb,
  shop: string,
  options: { fallbackTimeZone?: string } = {},
): Promise<Dashboard> {
  const [settings, summary, anyOrder, lastSync, storefront] = await Promise.all([
    loadShopSettings(db, shop, options.fallbackTimeZone),
    loadOrderSummary(db, shop),
    db.trackedOrder.findFirst({ where: { shop }, select: { id: true } }),
    db.orderSync.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } }),
    db.storefrontState.findUnique({ where: { shop }, select: { mode: true } }),
  ]);

  const { counts, backlog, forecastAt } = summary;
  // Backlog orders in none of the three classes: imported after the last forecast.
  const unforecast = backlog.orders - counts.overdue - counts.at_risk - counts.on_track;
  // The outlook is taken at the forecast's own instant so it agrees with the stored classes;
  // the page says how old it is and offers a fresh forecast.
  const outlook = forecastAt ? shopOutlook(backlog, settings.rules, forecastAt) : null;
  const storefrontPaused = storefront?.mode === "paused";
  const state = anyOrder === null ? "empty" : forecastAt === null ? "pending" : "ready";

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
