// The one call the dashboard and order import need: promise every unfulfilled order, queue
// them oldest first (first come, first made — the order a small workshop really works in),
// and forecast. Callers with a different fulfilment order (rush orders first) should build
// the backlog themselves and call forecastBacklog directly.
import { createBusinessCalendar } from "../promise/business-calendar";
import { createPromiser, type PromiseOrder, type ShipPromise } from "../promise/promised-ship-date";
import type { LocalDate } from "../promise/local-date";
import { instantToMillis, type Instant } from "../promise/shop-clock";
import type { ShopRules } from "../promise/shop-rules";
import { forecastBacklog, type BacklogForecast, type ForecastOptions } from "./forecast-backlog";

export interface UnfulfilledOrder extends PromiseOrder {
  id: string;
  unitsRemaining: number;
  /**
   * The promise frozen when the order was first seen (app/promise/frozen-promise.ts). When given,
   * today's rules are not consulted: a rule change never rewrites what a customer was told.
   */
  promised?: LocalDate | null;
}

export interface OrdersForecast extends BacklogForecast {
  /** Each order's promise with its reasons, by order id, for the "why this date?" panel (orders
   * given a frozen `promised` date have none: their reasons are the rules of the day they froze). */
  promises: ReadonlyMap<string, ShipPromise>;
}

export function forecastOrders(
  orders: readonly UnfulfilledOrder[],
  rules: ShopRules,
  now: Instant,
  options: Omit<ForecastOptions, "calendar"> = {},
): OrdersForecast {
  const calendar = createBusinessCalendar(rules);
  const promiseOf = createPromiser(rules, calendar);
  const queued = orders
    .map((order, index) => ({ order, index, placedAt: instantToMillis(order.createdAt) }))
    // Ties keep input order (Array.prototype.sort is stable), so reruns are deterministic.
    .sort((a, b) => a.placedAt - b.placedAt || a.index - b.index);
  const promises = new Map<string, ShipPromise>();
  const backlog = queued.map(({ order }) => {
    if (order.promised)
      return { id: order.id, unitsRemaining: order.unitsRemaining, promise: order.promised };
    const promise = promiseOf(order);
    promises.set(order.id, promise);
    return { id: order.id, unitsRemaining: order.unitsRemaining, promise: promise.date };
  });
  return { ...forecastBacklog(backlog, rules, now, { ...options, calendar }), promises };
}
