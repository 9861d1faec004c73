// The forecast's inner pass, over columns of numbers (issue 15: ≥ 1,000,000 orders/s on one core).
// The model is forecast-backlog.ts's: order i ships on the first day whose cumulative capacity
// covers the cumulative demand of orders 0..i. Here a day is an integer (an epoch day,
// local-date.ts), the capacity curves are two Float64Arrays filled once per pass as the walk
// reaches later days, and the answer is three typed arrays: no Date, no date text and no object
// per order. Callers that want objects (forecastBacklog, forecastOrders) build them from these;
// the reforecast compares them with the stored rows and writes only what changed.
//
// The input is deliberately small (BacklogColumns): a promise day and a demand per order, in the
// order the shop works them. How a promise is made (lead times per tag, collection, product or
// line, frozen promises, Shopify's fulfillBy) is decided before, by a Promiser
// (promise/promised-ship-date.ts), so a new lead-time rule never touches this loop.
import type { ShopRules } from "../promise/shop-rules";
import { CAPACITY_EPSILON, type CapacityTimeline } from "./capacity-timeline";

/** An epoch day column's value for "beyond the forecast horizon". */
export const BEYOND_HORIZON = -1;

/** Status codes of the `status` column, by index. */
export const STATUS_BY_CODE = ["on_track", "at_risk", "overdue"] as const;
export const ON_TRACK = 0;
export const AT_RISK = 1;
export const OVERDUE = 2;

export interface BacklogColumns {
  /** Orders, in the order the shop works through them (oldest first for forecastOrders). */
  readonly length: number;
  /** Units still to ship per order (> 0; checked even when capacity counts orders). */
  readonly units: ArrayLike<number>;
  /** Each order's promised ship date, as an epoch day. */
  readonly promiseDay: ArrayLike<number>;
  /** Names order i in an error message (its id). */
  describe?(index: number): string;
}

export interface BacklogDays {
  /** Ship day at mean capacity, or BEYOND_HORIZON. */
  likelyDay: Int32Array;
  /** Ship day the shop beats with the chosen confidence, or BEYOND_HORIZON. */
  conservativeDay: Int32Array;
  /** ON_TRACK, AT_RISK or OVERDUE (STATUS_BY_CODE). */
  status: Uint8Array;
  counts: Record<(typeof STATUS_BY_CODE)[number], number>;
  totalDemand: number;
  /** Day indexes (0 = first production day) the two pointers ended on; null past the horizon. */
  lastLikelyIndex: number | null;
  lastConservativeIndex: number | null;
}

/** The timeline's two curves as arrays, extended on demand (at most horizonDays entries). */
export interface CapacityCurves {
  likely: Float64Array;
  conservative: Float64Array;
  /** Entries filled so far. */
  filled: number;
  /** Fills through day index k; false when k is beyond the horizon. */
  reach(k: number): boolean;
}

export function capacityCurves(timeline: CapacityTimeline): CapacityCurves {
  const curves: CapacityCurves = {
    likely: new Float64Array(timeline.horizonDays),
    conservative: new Float64Array(timeline.horizonDays),
    filled: 0,
    reach(k) {
      if (k < curves.filled) return true;
      if (!timeline.reach(k)) return false;
      for (let d = curves.filled; d <= k; d += 1) {
        curves.likely[d] = timeline.likely(d);
        curves.conservative[d] = timeline.conservative(d);
      }
      curves.filled = k + 1;
      return true;
    },
  };
  return curves;
}

function invalidUnits(columns: BacklogColumns, index: number, units: number): RangeError {
  const name = columns.describe?.(index) ?? `#${index}`;
  return new RangeError(`Order ${name}: units remaining must be a positive number, got ${units}`);
}

/**
 * Walks the backlog once with two forward-only pointers: O(orders + days). `todayDay` is the
 * shop's local date as an epoch day (an order whose promise is before it is overdue).
 */
export function forecastDays(
  columns: BacklogColumns,
  curves: CapacityCurves,
  startEpochDay: number,
  todayDay: number,
  unit: ShopRules["capacity"]["unit"],
): BacklogDays {
  const n = columns.length;
  const { units, promiseDay } = columns;
  const likelyDay = new Int32Array(n);
  const conservativeDay = new Int32Array(n);
  const status = new Uint8Array(n);
  const countByCode = [0, 0, 0];
  const countsOrders = unit === "orders";
  let cumulative = 0;
  let likely = 0;
  let conservative = 0;
  let likelyBeyond = false;
  let conservativeBeyond = false;
  for (let i = 0; i < n; i += 1) {
    const u = units[i] ?? Number.NaN;
    if (!(u > 0) || u === Number.POSITIVE_INFINITY) throw invalidUnits(columns, i, u);
    cumulative += countsOrders ? 1 : u;
    const need = cumulative - CAPACITY_EPSILON;
    if (!likelyBeyond) {
      for (;;) {
        if (likely >= curves.filled && !curves.reach(likely)) {
          likelyBeyond = true;
          break;
        }
        if ((curves.likely[likely] ?? 0) >= need) break;
        likely += 1;
      }
    }
    if (!conservativeBeyond) {
      for (;;) {
        if (conservative >= curves.filled && !curves.reach(conservative)) {
          conservativeBeyond = true;
          break;
        }
        if ((curves.conservative[conservative] ?? 0) >= need) break;
        conservative += 1;
      }
    }
    const promise = promiseDay[i] ?? 0;
    const conservativeAt = conservativeBeyond ? BEYOND_HORIZON : startEpochDay + conservative;
    likelyDay[i] = likelyBeyond ? BEYOND_HORIZON : startEpochDay + likely;
    conservativeDay[i] = conservativeAt;
    const code =
      promise < todayDay
        ? OVERDUE
        : conservativeBeyond || conservativeAt > promise
          ? AT_RISK
          : ON_TRACK;
    status[i] = code;
    countByCode[code] = (countByCode[code] ?? 0) + 1;
  }
  return {
    likelyDay,
    conservativeDay,
    status,
    counts: {
      on_track: countByCode[ON_TRACK] ?? 0,
      at_risk: countByCode[AT_RISK] ?? 0,
      overdue: countByCode[OVERDUE] ?? 0,
    },
    totalDemand: cumulative,
    lastLikelyIndex: likelyBeyond ? null : likely,
    lastConservativeIndex: conservativeBeyond ? null : conservative,
  };
}
