// How often the shop really beats its conservative date: the demo shop's backlog is forecast
// once, then replayed many times under the disruption model of simulator/disruption.ts (issue
// 13, point 4), and each order's replayed ship day is compared with the date the forecast gave.
// Used by `npm run bench -- estimates` (1,000+ replays) and by the beat-rate unit test (fewer
// replays, same seed every run). The forecast under test never sees the replays.
import { forecastOrders, type UnfulfilledOrder } from "../../app/forecast/forecast-orders";
import { createBusinessCalendar } from "../../app/promise/business-calendar";
import { toEpochDay, weekdayOfEpochDay, type LocalDate } from "../../app/promise/local-date";
import { normalQuantile } from "../../app/forecast/normal-quantile";
import { DEFAULT_SHOP_RULES, weekdayKey, type ShopRules } from "../../app/promise/shop-rules";
import { replayOutput, replayShipDays } from "@delay-desk/simulator/disruption";
import { Random } from "@delay-desk/simulator/random";
import { seedShop } from "@delay-desk/simulator/seed";
import { trackedOrdersFromStore } from "./factories";

/** Days of replayed future: beyond the forecast's own two-year horizon, so late orders land. */
const REPLAY_DAYS = 900;

export const HORIZON_BUCKETS = [
  { label: "≤ 2 weeks", maxDays: 14 },
  { label: "2–4 weeks", maxDays: 28 },
  { label: "4–8 weeks", maxDays: 56 },
  { label: "8–12 weeks", maxDays: 84 },
  { label: "> 12 weeks", maxDays: Infinity },
] as const;

export interface DemoBacklog {
  rules: ShopRules;
  now: Date;
  orders: UnfulfilledOrder[];
}

/** The demo shop (`npm run demo`'s seed and size) as the app's forecast sees it at `now`. */
export function demoBacklog(
  now: Date,
  options: { orders?: number; seed?: number } = {},
): DemoBacklog {
  const store = seedShop({
    domain: "oak-and-hide.myshopify.com",
    orders: options.orders ?? 1200,
    seed: options.seed ?? 1,
    now,
  });
  const orders = trackedOrdersFromStore(store)
    .filter((row) => row.unitsRemaining > 0 && !row.cancelledAt)
    .map((row) => ({
      id: row.id,
      createdAt: new Date(row.createdAt),
      unitsRemaining: row.unitsRemaining,
      fulfillBy: row.fulfillBy ? new Date(row.fulfillBy) : null,
      lineItems: JSON.parse(row.lineItems),
    }));
  return { rules: { ...DEFAULT_SHOP_RULES, timeZone: store.shop.ianaTimezone }, now, orders };
}

export interface ModelFigures {
  /** Share of (order, replay) pairs shipped on or before the conservative date. */
  beatRate: number;
  byBucket: { label: string; orders: number; beatRate: number }[];
  /** Mean of conservative date − actual ship day, calendar days (negative = late). */
  meanSlackDays: number;
  /** Mean of conservative − likely, calendar days: how wide the customer's range is. */
  meanRangeDays: number;
}

export interface BeatRateReport {
  orders: number;
  replays: number;
  /** The app's forecast as it is now. */
  forecast: ModelFigures;
  /** The model before issue 13: day-to-day wobble only, M_k − z·√V_k. */
  wobbleOnly: ModelFigures;
}

/**
 * The conservative day index per order under the pre-issue-13 model, written out here so the
 * bench can show the two side by side after the app's own code moved on.
 */
function wobbleOnlyDays(
  planned: readonly number[],
  cv: number,
  confidence: number,
  cumulativeDemand: readonly number[],
): Int32Array {
  const z = normalQuantile(confidence);
  const effectiveCv = z > 0 ? Math.min(cv, 1 / z) : cv;
  const days = new Int32Array(cumulativeDemand.length).fill(-1);
  let mean = 0;
  let variance = 0;
  let floor = 0;
  let order = 0;
  for (let k = 0; k < planned.length && order < cumulativeDemand.length; k += 1) {
    const mu = planned[k] ?? 0;
    mean += mu;
    variance += (effectiveCv * mu) ** 2;
    floor = Math.max(floor, mean - z * Math.sqrt(variance));
    while (order < cumulativeDemand.length && floor >= (cumulativeDemand[order] ?? 0) - 1e-9) {
      days[order] = k;
      order += 1;
    }
  }
  return days;
}

export function measureBeatRate(
  backlog: DemoBacklog,
  options: { replays: number; seed: number; warmUpBusinessDays?: number; shocks?: boolean },
): BeatRateReport {
  const { rules, now } = backlog;
  const forecast = forecastOrders(backlog.orders, rules, now);
  const units = new Map(backlog.orders.map((order) => [order.id, order.unitsRemaining]));
  const start = toEpochDay(forecast.firstProductionDay);
  const today = toEpochDay(forecast.today);
  const calendar = createBusinessCalendar(rules);
  const planned = Array.from({ length: REPLAY_DAYS }, (_, k) =>
    calendar.isOpenEpochDay(start + k)
      ? rules.capacity.perWeekday[weekdayKey(weekdayOfEpochDay(start + k))]
      : 0,
  );
  const cumulativeDemand: number[] = [];
  let demand = 0;
  for (const order of forecast.orders) {
    demand += rules.capacity.unit === "orders" ? 1 : (units.get(order.id) ?? 0);
    cumulativeDemand.push(demand);
  }
  const dayIndex = (date: LocalDate | null) => (date === null ? -1 : toEpochDay(date) - start);
  const likely = forecast.orders.map((order) => dayIndex(order.likely));
  const cv = forecast.variability.coefficientOfVariation;
  const models = {
    forecast: Int32Array.from(forecast.orders.map((order) => dayIndex(order.conservative))),
    wobbleOnly: wobbleOnlyDays(planned, cv, rules.conservativeConfidence, cumulativeDemand),
  };
  // Orders are bucketed by their likely date, the same for both models.
  const bucketOf = likely.map((k) =>
    HORIZON_BUCKETS.findIndex((bucket) => start + k - today <= bucket.maxDays),
  );

  type Tally = {
    beat: number[];
    count: number[];
    slack: number;
    slackCount: number;
    range: number;
  };
  const tallies: Record<keyof typeof models, Tally> = {
    forecast: { beat: [], count: [], slack: 0, slackCount: 0, range: 0 },
    wobbleOnly: { beat: [], count: [], slack: 0, slackCount: 0, range: 0 },
  };
  for (const tally of Object.values(tallies)) {
    tally.beat = HORIZON_BUCKETS.map(() => 0);
    tally.count = HORIZON_BUCKETS.map(() => 0);
  }

  const random = new Random(options.seed);
  for (let replay = 0; replay < options.replays; replay += 1) {
    const shipped = replayShipDays(
      replayOutput(random, planned, cv, {
        warmUpBusinessDays: options.warmUpBusinessDays,
        shocks: options.shocks,
      }),
      cumulativeDemand,
    );
    for (const name of ["forecast", "wobbleOnly"] as const) {
      const conservative = models[name];
      const tally = tallies[name];
      for (let i = 0; i < shipped.length; i += 1) {
        const promised = conservative[i] ?? -1;
        const bucket = bucketOf[i] ?? -1;
        if (promised < 0 || bucket < 0) continue; // no date given: nothing to beat
        const actual = shipped[i] ?? -1;
        const beaten = actual >= 0 && actual <= promised;
        tally.count[bucket] = (tally.count[bucket] ?? 0) + 1;
        if (beaten) tally.beat[bucket] = (tally.beat[bucket] ?? 0) + 1;
        if (actual >= 0) {
          tally.slack += promised - actual;
          tally.slackCount += 1;
        }
        if (replay === 0) tally.range += promised - (likely[i] ?? promised);
      }
    }
  }

  const figures = (name: keyof typeof models): ModelFigures => {
    const tally = tallies[name];
    const count = tally.count.reduce((a, b) => a + b, 0);
    const beat = tally.beat.reduce((a, b) => a + b, 0);
    return {
      beatRate: count === 0 ? 1 : beat / count,
      byBucket: HORIZON_BUCKETS.map((bucket, b) => ({
        label: bucket.label,
        orders: (tally.count[b] ?? 0) / options.replays,
        beatRate: (tally.count[b] ?? 0) === 0 ? 1 : (tally.beat[b] ?? 0) / (tally.count[b] ?? 1),
      })),
      meanSlackDays: tally.slackCount === 0 ? 0 : tally.slack / tally.slackCount,
      meanRangeDays: count === 0 ? 0 : tally.range / (count / options.replays),
    };
  };
  return {
    orders: forecast.orders.length,
    replays: options.replays,
    forecast: figures("forecast"),
    wobbleOnly: figures("wobbleOnly"),
  };
}
