// The one call the dashboard and order import need: promise every unfulfilled order, queue
// them oldest first (first come, first made — the order a small workshop really works in),
// and forecast. Callers with a different fulfilment order (rush orders first) should build
// the backlog themselves and call forecastBacklog directly.
//
// Fast at 100k orders (issue 15, ≥ 1,000,000 orders/s on one core): the promiser caches by local
// day (promise/cached-promiser.ts), the queue is sorted only when the input is not already in
// createdAt order (a reforecast reads rows that usually are), the sort compares numbers in a
// typed array instead of re-reading instants, the pass itself runs on typed arrays
// (forecast-days.ts), and the map of promises by id is built only when read. The answers are those of the plain composition kept
// in forecast-orders-reference.test-support.ts; forecast-orders-fast.test.ts compares them.
import { createBusinessCalendar } from "../promise/business-calendar";
import { createCachedPromiser } from "../promise/cached-promiser";
import type { LocalDate } from "../promise/local-date";
import type { PromiseOrder, ShipPromise } from "../promise/promised-ship-date";
import { instantToMillis, type Instant } from "../promise/shop-clock";
import type { ShopRules } from "../promise/shop-rules";
import {
  epochDayCache,
  forecastBacklogDays,
  orderForecasts,
  type BacklogForecast,
  type ForecastOptions,
} from "./forecast-backlog";

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

/** Indices of `orders` oldest first; ties keep input order, so reruns are deterministic. */
function queueOrder(orders: readonly UnfulfilledOrder[]): ArrayLike<number> {
  const placedAt = new Float64Array(orders.length);
  let sorted = true;
  let previous = -Infinity;
  for (let i = 0; i < orders.length; i += 1) {
    const order = orders[i];
    if (!order) continue;
    const millis = instantToMillis(order.createdAt);
    placedAt[i] = millis;
    if (millis < previous) sorted = false;
    previous = millis;
  }
  const indices = new Array<number>(orders.length);
  for (let i = 0; i < orders.length; i += 1) indices[i] = i;
  if (!sorted) indices.sort((a, b) => (placedAt[a] ?? 0) - (placedAt[b] ?? 0) || a - b);
  return indices;
}

export function forecastOrders(
  orders: readonly UnfulfilledOrder[],
  rules: ShopRules,
  now: Instant,
  options: Omit<ForecastOptions, "calendar"> = {},
): OrdersForecast {
  const calendar = createBusinessCalendar(rules);
  const promiseOf = createCachedPromiser(rules, calendar);
  const queue = queueOrder(orders);
  const n = queue.length;
  // Columns for the inner pass (forecast-days.ts): no object per order on the way in.
  const units = new Float64Array(n);
  const promiseDay = new Int32Array(n);
  const promiseDate = new Array<LocalDate>(n);
  // The promise made for each order, by queue position (null: frozen), for the lazy map below.
  const made = new Array<ShipPromise | null>(n);
  const dayOf = epochDayCache();
  for (let i = 0; i < n; i += 1) {
    const order = orders[queue[i] ?? -1];
    if (!order) continue;
    units[i] = order.unitsRemaining;
    let date: LocalDate;
    if (order.promised) {
      date = order.promised;
      made[i] = null;
    } else {
      const promise = promiseOf(order);
      date = promise.date;
      made[i] = promise;
    }
    promiseDate[i] = date;
    promiseDay[i] = dayOf(date);
  }
  const idOf = (i: number) => orders[queue[i] ?? -1]?.id ?? "";
  const forecast = forecastBacklogDays(
    { length: n, units, promiseDay, describe: idOf },
    rules,
    now,
    {
      ...options,
      calendar,
    },
  );
  const { days: _days, dateOf: _dateOf, ...summary } = forecast;
  let promises: Map<string, ShipPromise> | null = null;
  return {
    ...summary,
    orders: orderForecasts(forecast, idOf, (i) => promiseDate[i] ?? forecast.today),
    // Built when first read: most callers (the reforecast, the rules-change preview) never do,
    // and 100k map entries cost more than the whole forecast.
    get promises(): ReadonlyMap<string, ShipPromise> {
      if (promises === null) {
        promises = new Map();
        for (let i = 0; i < n; i += 1) {
          const promise = made[i];
          if (promise) promises.set(idOf(i), promise);
        }
      }
      return promises;
    },
  };
}
