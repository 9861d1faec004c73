// What a change of the shop's rules would do, before it is saved: open orders keep the promise they
// were given (frozen, app/promise/frozen-promise.ts), new orders get the new rules' promise, and the
// forecast of the open orders moves with the new capacity and calendar. Pure: the settings page
// computes it from the rows it read.
import { forecastOrders, type UnfulfilledOrder } from "../forecast/forecast-orders";
import type { OrderStatus } from "../forecast/forecast-backlog";
import { promiseOf, type OrderToFreeze, type StoredPromise } from "./frozen-promise";
import type { LocalDate } from "./local-date";
import { createPromiser } from "./promised-ship-date";
import type { Instant } from "./shop-clock";
import type { ShopRules } from "./shop-rules";

export interface OpenOrder extends OrderToFreeze, StoredPromise {
  id: string;
  unitsRemaining: number;
}

export interface RulesChangePreview {
  openOrders: number;
  /** Open orders whose promise stays what the customer was told: all of them, by design. */
  keepPromise: number;
  /** Of those, how many the new rules would have promised a different date (they are not changed). */
  wouldHaveDiffered: number;
  /** What an order placed now, with the default lead time, is promised: now and after the change. */
  newOrderPromise: { before: LocalDate; after: LocalDate };
  counts: { before: Record<OrderStatus, number>; after: Record<OrderStatus, number> };
}

export function previewRulesChange(
  orders: readonly OpenOrder[],
  current: ShopRules,
  proposed: ShopRules,
  now: Instant,
): RulesChangePreview {
  const promiseNow = createPromiser(current);
  const promiseAfter = createPromiser(proposed);
  let wouldHaveDiffered = 0;
  // Orders not frozen yet are frozen under the rules in force now (the settings action does so
  // before it saves), so the preview judges them by those too.
  const backlog: UnfulfilledOrder[] = orders.map((order) => {
    const { promise } = promiseOf(order, promiseNow);
    if (promiseAfter({ ...order, fulfillBy: order.fulfillBy ?? null }).date !== promise.date)
      wouldHaveDiffered += 1;
    return { ...order, promised: promise.date };
  });
  const placedNow = { createdAt: now, lineItems: [] };
  return {
    openOrders: orders.length,
    keepPromise: orders.length,
    wouldHaveDiffered,
    newOrderPromise: {
      before: promiseNow(placedNow).date,
      after: promiseAfter(placedNow).date,
    },
    counts: {
      before: forecastOrders(backlog, current, now).counts,
      after: forecastOrders(backlog, proposed, now).counts,
    },
  };
}
