// The shop-wide answer ("new orders placed today would ship between D1 and D2") and the
// burn-down, from two aggregates of the backlog instead of its rows.
//
// Why this is exact: the capacity timeline does not depend on the orders, the burn-down only on
// the total demand, and the new-order outlook only on the total demand and the mean order size.
// So a backlog of one order carrying the whole demand gives the same answer as the real backlog,
// which lets the dashboard recompute it at 100k orders with a SUM and a COUNT.
import {
  forecastBacklog,
  type BurnDownPoint,
  type NewOrdersOutlook,
} from "../forecast/forecast-backlog";
import { parseLocalDate, type LocalDate } from "../promise/local-date";
import type { Instant } from "../promise/shop-clock";
import type { ShopRules } from "../promise/shop-rules";

export interface BacklogTotals {
  orders: number;
  units: number;
}

export interface ShopOutlook {
  today: LocalDate;
  firstProductionDay: LocalDate;
  unit: ShopRules["capacity"]["unit"];
  totalDemand: number;
  newOrders: NewOrdersOutlook;
  burnDown: BurnDownPoint[];
  cannotKeepPromise: boolean;
}

// The stand-in order's own promise plays no part in the answer; any date works.
const NEVER = parseLocalDate("9999-12-31");

export function shopOutlook(totals: BacklogTotals, rules: ShopRules, now: Instant): ShopOutlook {
  const unit = rules.capacity.unit;
  const totalDemand = unit === "orders" ? totals.orders : totals.units;
  const newOrderUnits =
    unit === "orders" || totals.orders === 0
      ? 1
      : Math.max(1, Math.ceil(totals.units / totals.orders));
  // Count everything in "units" so the single stand-in order carries the whole demand even when
  // the shop counts capacity in orders (where each order would otherwise count as 1).
  const asUnits: ShopRules = { ...rules, capacity: { ...rules.capacity, unit: "units" } };
  const stand =
    totalDemand > 0 ? [{ id: "backlog", unitsRemaining: totalDemand, promise: NEVER }] : [];
  const forecast = forecastBacklog(stand, asUnits, now, { newOrderUnits });
  return {
    today: forecast.today,
    firstProductionDay: forecast.firstProductionDay,
    unit,
    totalDemand,
    newOrders: forecast.newOrders,
    burnDown: forecast.burnDown,
    cannotKeepPromise: forecast.newOrders.cannotKeepPromise,
  };
}
