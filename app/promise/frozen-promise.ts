// The promise a customer was given is a fact about the past, not a function of today's settings.
// It is frozen the first time Delay Desk sees the order: Shopify's own fulfillBy if the order had
// one then, otherwise what the shop's rules in force at that moment promised. A later change of
// lead time, cut-off or closures applies to new orders only; a fulfillBy that moves later (by the
// merchant in Shopify, or by Delay Desk itself) never rewrites what the customer was told.
import { isLocalDate, type LocalDate } from "./local-date";
import type { PromiseOrder, Promiser } from "./promised-ship-date";
import { instantToMillis, type Instant } from "./shop-clock";

export type FrozenPromiseSource = "fulfillBy" | "rules" | "backfill";

export interface FrozenPromise {
  date: LocalDate;
  source: FrozenPromiseSource;
}

export interface OrderToFreeze extends PromiseOrder {
  /**
   * The fulfillBy Delay Desk itself last set on the order's fulfillment order (issue 13 point 7:
   * "move each late order's deadline to the new conservative date"). A deadline the app moved is
   * the app's forecast, not the shop's promise, so it never becomes the promise: the rules decide
   * instead. Null while the app has never moved it.
   */
  appFulfillBy?: Instant | null;
}

/** A fulfillBy the app wrote itself is not a promise the shop made. */
export function shopOwnFulfillBy(order: OrderToFreeze): Instant | null {
  const seen = order.fulfillBy ?? null;
  if (seen === null) return null;
  const app = order.appFulfillBy ?? null;
  if (app !== null && instantToMillis(app) === instantToMillis(seen)) return null;
  return seen;
}

/** The promise to freeze for an order seen for the first time, under the rules in force now. */
export function promiseToFreeze(order: OrderToFreeze, promiser: Promiser): FrozenPromise {
  const promise = promiser({ ...order, fulfillBy: shopOwnFulfillBy(order) });
  return { date: promise.date, source: promise.source };
}

export interface StoredPromise {
  frozenPromiseDate: string | null;
  frozenPromiseSource: string | null;
}

function isSource(value: string | null): value is FrozenPromiseSource {
  return value === "fulfillBy" || value === "rules" || value === "backfill";
}

/** The frozen promise on a row, or null when the row has never been frozen. */
export function storedPromise(row: StoredPromise): FrozenPromise | null {
  // A stored value that is not a date is no promise; freezing anew beats a wrong date.
  if (!row.frozenPromiseDate || !isLocalDate(row.frozenPromiseDate)) return null;
  return {
    date: row.frozenPromiseDate,
    source: isSource(row.frozenPromiseSource) ? row.frozenPromiseSource : "backfill",
  };
}

/** The frozen promise if there is one, else the one to freeze now: never both, never a rewrite. */
export function promiseOf(
  row: StoredPromise & OrderToFreeze,
  promiser: Promiser,
): { promise: FrozenPromise; freshlyFrozen: boolean } {
  const stored = storedPromise(row);
  if (stored) return { promise: stored, freshlyFrozen: false };
  return { promise: promiseToFreeze(row, promiser), freshlyFrozen: true };
}
