// forecastOrders as it was before issue 15 made it fast (forecast-orders.ts): the plain
// composition of createPromiser, a sort with a comparator and forecastBacklog's loop as it was. Kept as the oracle the fast path
// is compared with on random inputs (forecast-orders-fast.test.ts); not used by the app.
import { createBusinessCalendar } from "../promise/business-calendar";
import { createPromiser, type ShipPromise } from "../promise/promised-ship-date";
import { instantToMillis, type Instant } from "../promise/shop-clock";
import type { ShopRules } from "../promise/shop-rules";
import type { ForecastOptions } from "./forecast-backlog";
import { forecastBacklogReference } from "./forecast-backlog-reference.test-support";
import type { OrdersForecast, UnfulfilledOrder } from "./forecast-orders";

export function forecastOrdersReference(
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
  return { ...forecastBacklogReference(backlog, rules, now, { ...options, calendar }), promises };
}
