// The forecast: when will each unfulfilled order likely ship, when will it ship at the
// latest (with the shop's chosen confidence, 90 % by default), and is its promise safe?
//
// Model (see docs/promise-and-forecast.md): the shop works through the backlog in the order
// given — oldest first, or whatever fulfilment order the shop uses; we do not re-sort. Order
// i ships on the first day whose cumulative capacity covers the cumulative demand of orders
// 0..i. "Likely" uses mean capacity, "conservative" the lower quantile of cumulative
// capacity (capacity-timeline.ts). Production starts today if `now` is before the cut-off,
// else on the next day: after the cut-off nothing more leaves the building today.
//
// Cost: one pass over the backlog with two forward-only day pointers, O(orders + days), on typed
// arrays (forecast-days.ts); the objects per order are built after, only by those who want them.
import { createBusinessCalendar, type BusinessCalendar } from "../promise/business-calendar";
import { addDays, fromEpochDay, toEpochDay, type LocalDate } from "../promise/local-date";
import { createPromiser } from "../promise/promised-ship-date";
import { minutesOfHHMM, toShopLocal, type Instant } from "../promise/shop-clock";
import type { ShopRules } from "../promise/shop-rules";
import {
  createCapacityTimeline,
  firstDayCovering,
  type CapacityTimeline,
} from "./capacity-timeline";
import { estimateVariability, type VariabilityEstimate } from "./estimate-variability";
import {
  BEYOND_HORIZON,
  capacityCurves,
  forecastDays,
  ON_TRACK,
  STATUS_BY_CODE,
  type BacklogColumns,
  type BacklogDays,
} from "./forecast-days";

export interface BacklogOrder {
  id: string;
  /** Units still to ship (> 0). Ignored when capacity is counted in orders. */
  unitsRemaining: number;
  /** The order's promised ship date (promise/promised-ship-date.ts). */
  promise: LocalDate;
}

export type OrderStatus = "on_track" | "at_risk" | "overdue";

export interface OrderForecast {
  id: string;
  promise: LocalDate;
  /** Ship date at mean capacity; null beyond the forecast horizon. */
  likely: LocalDate | null;
  /** Ship date the shop beats with the chosen confidence; null beyond the horizon. */
  conservative: LocalDate | null;
  /**
   * overdue: the promise is already in the past (before today, shop time).
   * at_risk: not overdue, but the conservative date is after the promise.
   * on_track: the conservative date is on or before the promise.
   */
  status: OrderStatus;
  /** Even the likely date misses the promise: "will probably be late", not just "might". */
  likelyLate: boolean;
}

export interface BurnDownPoint {
  date: LocalDate;
  /** Demand left at the end of this day (units or orders, as the capacity is counted). */
  likelyRemaining: number;
  conservativeRemaining: number;
}

export interface NewOrdersOutlook {
  /** The size assumed for "an order placed now" (units, or 1 when counting orders). */
  demand: number;
  /** What the shop's rules would promise an order placed now (default lead time). */
  promise: LocalDate;
  /** "New orders placed today would ship between `likely` and `conservative`." */
  likely: LocalDate | null;
  conservative: LocalDate | null;
  /** The conservative date misses the current promise: suggest pausing or a longer lead time. */
  cannotKeepPromise: boolean;
  /** The lead time (business days) that would make the promise keepable; null past the horizon. */
  leadTimeNeeded: number | null;
}

export interface BacklogForecast {
  /** The shop's local date at `now`. */
  today: LocalDate;
  /** Day 0 of production: today, or the next day when `now` is past the cut-off. */
  firstProductionDay: LocalDate;
  unit: ShopRules["capacity"]["unit"];
  variability: VariabilityEstimate;
  /** z and the cv actually used (after the 1/z cap), for the "how we estimate" panel. */
  model: { confidence: number; z: number; effectiveCv: number; horizonDays: number };
  orders: OrderForecast[];
  counts: Record<OrderStatus, number>;
  totalDemand: number;
  newOrders: NewOrdersOutlook;
  /** One point per day from the first production day until the conservative line reaches 0. */
  burnDown: BurnDownPoint[];
}

export interface ForecastOptions {
  /** Size of the hypothetical new order; default: mean backlog order size, rounded up, ≥ 1. */
  newOrderUnits?: number;
  horizonDays?: number;
  /** Reuse a calendar already built for these rules (it caches business-day walks). */
  calendar?: BusinessCalendar;
}

/** A forecast without its per-order objects: the columns, the summary, and day-to-date lookups. */
export interface BacklogDaysForecast extends Omit<BacklogForecast, "orders" | "counts"> {
  counts: Record<OrderStatus, number>;
  days: BacklogDays;
  /** The LocalDate of an epoch day (shared strings, cached: no formatting per order). */
  dateOf(epochDay: number): LocalDate;
}

/**
 * The forecast of a backlog given as columns (forecast-days.ts), with everything but the
 * per-order objects: what the reforecast needs to compare with stored rows, and what
 * forecastBacklog and forecastOrders build their objects from.
 */
export function forecastBacklogDays(
  columns: BacklogColumns,
  rules: ShopRules,
  now: Instant,
  options: ForecastOptions = {},
): BacklogDaysForecast {
  const calendar = options.calendar ?? createBusinessCalendar(rules);
  const local = toShopLocal(now, rules.timeZone);
  const today = local.date;
  const firstProductionDay =
    local.minuteOfDay >= minutesOfHHMM(rules.cutOffTime) ? addDays(today, 1) : today;
  const variability = estimateVariability(rules.capacity, calendar);
  const startEpochDay = toEpochDay(firstProductionDay);
  const timeline = createCapacityTimeline({
    perWeekday: rules.capacity.perWeekday,
    calendar,
    startEpochDay,
    coefficientOfVariation: variability.coefficientOfVariation,
    confidence: rules.conservativeConfidence,
    horizonDays: options.horizonDays,
  });
  const unit = rules.capacity.unit;
  const curves = capacityCurves(timeline);
  const days = forecastDays(columns, curves, startEpochDay, toEpochDay(today), unit);
  const cumulative = days.totalDemand;
  const likelyDay = days.lastLikelyIndex;
  const conservativeDay = days.lastConservativeIndex;

  if (
    options.newOrderUnits !== undefined &&
    !(options.newOrderUnits > 0 && Number.isFinite(options.newOrderUnits))
  ) {
    throw new RangeError(`newOrderUnits must be a positive number, got ${options.newOrderUnits}`);
  }
  const newOrderDemand =
    unit === "orders"
      ? 1
      : (options.newOrderUnits ??
        Math.max(1, columns.length === 0 ? 1 : Math.ceil(cumulative / columns.length)));
  const newDemand = cumulative + newOrderDemand;
  const newLikelyDay =
    likelyDay === null ? null : firstDayCovering(timeline, "likely", newDemand, likelyDay);
  const newConservativeDay =
    conservativeDay === null
      ? null
      : firstDayCovering(timeline, "conservative", newDemand, conservativeDay);
  const newOrders = outlookForNewOrders(
    rules,
    now,
    calendar,
    newOrderDemand,
    newLikelyDay === null ? null : timeline.date(newLikelyDay),
    newConservativeDay === null ? null : timeline.date(newConservativeDay),
  );
  const otherDates = new Map<number, LocalDate>();
  return {
    today,
    firstProductionDay,
    unit,
    variability,
    model: {
      confidence: rules.conservativeConfidence,
      z: timeline.z,
      effectiveCv: timeline.effectiveCv,
      horizonDays: timeline.horizonDays,
    },
    counts: days.counts,
    totalDemand: cumulative,
    newOrders,
    burnDown: burnDownSeries(timeline, cumulative, conservativeDay),
    days,
    dateOf(epochDay) {
      const k = epochDay - startEpochDay;
      if (k >= 0 && k < curves.filled) return timeline.date(k);
      let date = otherDates.get(epochDay);
      if (date === undefined) {
        date = fromEpochDay(epochDay);
        otherDates.set(epochDay, date);
      }
      return date;
    },
  };
}

/** Epoch days of LocalDates, cached: a backlog's promises fall on a few hundred days. */
export function epochDayCache(): (date: LocalDate) => number {
  const cache = new Map<string, number>();
  return (date) => {
    let day = cache.get(date);
    if (day === undefined) {
      day = toEpochDay(date);
      cache.set(date, day);
    }
    return day;
  };
}

/** The per-order objects of a columnar forecast; `promiseOf(i)` gives order i's promise text. */
export function orderForecasts(
  forecast: BacklogDaysForecast,
  idOf: (index: number) => string,
  promiseOf: (index: number) => LocalDate,
): OrderForecast[] {
  const { likelyDay, conservativeDay, status } = forecast.days;
  const orders = new Array<OrderForecast>(status.length);
  for (let i = 0; i < status.length; i += 1) {
    const promise = promiseOf(i);
    const likelyAt = likelyDay[i] ?? BEYOND_HORIZON;
    const conservativeAt = conservativeDay[i] ?? BEYOND_HORIZON;
    const likely = likelyAt === BEYOND_HORIZON ? null : forecast.dateOf(likelyAt);
    orders[i] = {
      id: idOf(i),
      promise,
      likely,
      conservative: conservativeAt === BEYOND_HORIZON ? null : forecast.dateOf(conservativeAt),
      status: STATUS_BY_CODE[status[i] ?? ON_TRACK] ?? "on_track",
      likelyLate: likely === null || likely > promise,
    };
  }
  return orders;
}

export function forecastBacklog(
  backlog: readonly BacklogOrder[],
  rules: ShopRules,
  now: Instant,
  options: ForecastOptions = {},
): BacklogForecast {
  const n = backlog.length;
  const units = new Float64Array(n);
  const promiseDay = new Int32Array(n);
  const dayOf = epochDayCache();
  for (let i = 0; i < n; i += 1) {
    const order = backlog[i];
    if (!order) continue;
    units[i] = order.unitsRemaining;
    promiseDay[i] = dayOf(order.promise);
  }
  const forecast = forecastBacklogDays(
    { length: n, units, promiseDay, describe: (i) => backlog[i]?.id ?? `#${i}` },
    rules,
    now,
    options,
  );
  const { days: _days, dateOf: _dateOf, ...summary } = forecast;
  return {
    ...summary,
    orders: orderForecasts(
      forecast,
      (i) => backlog[i]?.id ?? "",
      (i) => backlog[i]?.promise ?? forecast.today,
    ),
  };
}

export function outlookForNewOrders(
  rules: ShopRules,
  now: Instant,
  calendar: BusinessCalendar,
  demand: number,
  likely: LocalDate | null,
  conservative: LocalDate | null,
): NewOrdersOutlook {
  // The default lead time is what the storefront advertises; tag overrides are per product.
  const promised = createPromiser(rules, calendar)({ createdAt: now, lineItems: [] });
  const countsFrom = promised.source === "rules" ? promised.countsFrom : promised.date;
  return {
    demand,
    promise: promised.date,
    likely,
    conservative,
    cannotKeepPromise: conservative === null || conservative > promised.date,
    leadTimeNeeded:
      conservative === null ? null : calendar.businessDaysBetween(countsFrom, conservative),
  };
}

export function burnDownSeries(
  timeline: CapacityTimeline,
  totalDemand: number,
  lastDay: number | null,
): BurnDownPoint[] {
  const end = lastDay ?? timeline.horizonDays - 1;
  const points: BurnDownPoint[] = [];
  for (let k = 0; k <= end && timeline.reach(k); k += 1) {
    points.push({
      date: timeline.date(k),
      likelyRemaining: Math.max(0, totalDemand - timeline.likely(k)),
      conservativeRemaining: Math.max(0, totalDemand - timeline.conservative(k)),
    });
  }
  return points;
}
