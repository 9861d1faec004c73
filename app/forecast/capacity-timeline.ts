// Cumulative shop capacity from the first production day onwards, in two versions:
//
//   likely(k)       = M_k = Σ μ_d over days 0..k            (planned output, "the usual pace")
//   conservative(k) = M_k · r(n_k), n_k the business days (open, planned above zero) in 0..k and
//                     r the conservative fraction of planned output over n business days when
//                     both day-to-day wobble and shocks are counted (shock-quantile.ts), then
//                     floored at 0 and made non-decreasing (running maximum).
//
// Why shocks: with wobble alone (the sum of independent days, M_k − z·√V_k) the conservative
// date was beaten 94 % of the time without shocks but about half the time with the shocks a
// small workshop really has (issue 13: replayed by `npm run bench -- estimates`). A shock is
// rare on any one day but likely over weeks, so the further out the date, the more it costs.
// Why M_k · r(n_k) rather than per-day variances: the shock loss is a share of the days it hits;
// for a shop with the same plan every open day it is exact (up to the table), for an uneven week
// it spreads the loss in proportion to each day's plan. r is non-decreasing in n, so more
// capacity on any day (M up, n up or equal) never lowers the curve, and a closure never raises it.
// Why cv is capped at 1/z: a day with cv > 1/z would have a negative lower quantile, which no
// workshop produces (and the clipped wobble of such a shop would average above its plan).
// The arrays grow lazily as the backlog walk asks for later days, so the cost is O(days
// actually needed), never O(orders × days).
import type { BusinessCalendar } from "../promise/business-calendar";
import { fromEpochDay, weekdayOfEpochDay, type LocalDate } from "../promise/local-date";
import { weekdayKey, type CapacityRules } from "../promise/shop-rules";
import { normalQuantile } from "./normal-quantile";
import { conservativeFraction } from "./shock-quantile";

/** Two years: beyond that "when will it ship?" has no useful answer. */
export const DEFAULT_HORIZON_DAYS = 730;

// Cumulative sums of fractional capacities pick up rounding dust; a demand of exactly 30
// against 10 × 3.0 must count as met.
export const CAPACITY_EPSILON = 1e-9;

export interface CapacityTimelineOptions {
  perWeekday: CapacityRules["perWeekday"];
  calendar: BusinessCalendar;
  startEpochDay: number;
  coefficientOfVariation: number;
  confidence: number;
  horizonDays?: number;
}

export interface CapacityTimeline {
  readonly startEpochDay: number;
  readonly horizonDays: number;
  /** The z used: normalQuantile(confidence). */
  readonly z: number;
  /** The cv actually used, after the 1/z cap. */
  readonly effectiveCv: number;
  /** Extends the series through day index k; false when k is beyond the horizon. */
  reach(k: number): boolean;
  likely(k: number): number;
  conservative(k: number): number;
  date(k: number): LocalDate;
}

export type CapacitySeries = "likely" | "conservative";

export function createCapacityTimeline(options: CapacityTimelineOptions): CapacityTimeline {
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const z = normalQuantile(options.confidence);
  const effectiveCv =
    z > 0 ? Math.min(options.coefficientOfVariation, 1 / z) : options.coefficientOfVariation;
  const fraction = conservativeFraction(effectiveCv, options.confidence);
  const likely: number[] = [];
  const conservative: number[] = [];
  const dates: LocalDate[] = [];
  let meanSum = 0;
  let businessDays = 0;
  let floor = 0;

  function reach(k: number): boolean {
    if (k >= horizonDays) return false;
    while (likely.length <= k) {
      const epochDay = options.startEpochDay + likely.length;
      const mean = options.calendar.isOpenEpochDay(epochDay)
        ? options.perWeekday[weekdayKey(weekdayOfEpochDay(epochDay))]
        : 0;
      meanSum += mean;
      if (mean > 0) businessDays += 1;
      if (businessDays > 0) floor = Math.max(floor, meanSum * fraction(businessDays));
      likely.push(meanSum);
      conservative.push(floor);
      dates.push(fromEpochDay(epochDay));
    }
    return true;
  }

  function at(series: number[], k: number): number {
    if (!reach(k)) throw new RangeError(`Day ${k} is beyond the ${horizonDays}-day horizon`);
    const value = series[k];
    if (value === undefined) throw new RangeError(`Day ${k} is not a day index`);
    return value;
  }

  return {
    startEpochDay: options.startEpochDay,
    horizonDays,
    z,
    effectiveCv,
    reach,
    likely: (k) => at(likely, k),
    conservative: (k) => at(conservative, k),
    date(k) {
      reach(k);
      const date = dates[k];
      if (date === undefined)
        throw new RangeError(`Day ${k} is beyond the ${horizonDays}-day horizon`);
      return date;
    },
  };
}

/**
 * The first day index ≥ `fromDay` whose cumulative capacity covers `demand`, or null past the
 * horizon. Both series are non-decreasing, so a caller walking demands in increasing order
 * can pass the previous answer as `fromDay`: the pointer only moves forward and the whole
 * backlog costs O(orders + days).
 */
export function firstDayCovering(
  timeline: CapacityTimeline,
  series: CapacitySeries,
  demand: number,
  fromDay: number,
): number | null {
  const value = series === "likely" ? timeline.likely : timeline.conservative;
  for (let k = fromDay; timeline.reach(k); k += 1) {
    if (value(k) >= demand - CAPACITY_EPSILON) return k;
  }
  return null;
}
