// Cumulative shop capacity from the first production day onwards, in two versions:
//
//   likely(k)       = M_k = Σ μ_d over days 0..k            (mean output)
//   conservative(k) = the `confidence` lower quantile of cumulative output, approximated by
//                     M_k − z·√V_k with V_k = Σ σ_d², σ_d = cv·μ_d,
//                     then floored at 0 and made non-decreasing (running maximum).
//
// Why the normal approximation: output over k days is a sum of k daily outputs; assuming
// days are independent, the sum's mean and variance add up (k·μ and k·σ² for a flat week)
// and the central limit theorem makes the sum close to normal after a handful of days —
// exactly the horizon where the conservative date matters.
// Why the floor and running maximum: real cumulative output never falls (a day makes ≥ 0),
// so its true quantile is non-decreasing in k; the raw normal formula can dip for small k
// when σ is large. Taking the running maximum restores what we know to be true.
// Why cv is capped at 1/z: a day with cv > 1/z would have a negative lower quantile, which
// no workshop produces; the cap makes one day's conservative output exactly 0 at worst and
// guarantees that adding capacity never lowers the conservative curve (each extra unit of
// mean adds ≥ 1 − z·cv ≥ 0 to it).
// The arrays grow lazily as the backlog walk asks for later days, so the cost is O(days
// actually needed), never O(orders × days).
import type { BusinessCalendar } from "../promise/business-calendar";
import { fromEpochDay, weekdayOfEpochDay, type LocalDate } from "../promise/local-date";
import { weekdayKey, type CapacityRules } from "../promise/shop-rules";
import { normalQuantile } from "./normal-quantile";

/** Two years: beyond that "when will it ship?" has no useful answer. */
export const DEFAULT_HORIZON_DAYS = 730;

// Cumulative sums of fractional capacities pick up rounding dust; a demand of exactly 30
// against 10 × 3.0 must count as met.
const EPSILON = 1e-9;

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
  const likely: number[] = [];
  const conservative: number[] = [];
  const dates: LocalDate[] = [];
  let meanSum = 0;
  let varianceSum = 0;
  let floor = 0;

  function reach(k: number): boolean {
    if (k >= horizonDays) return false;
    while (likely.length <= k) {
      const epochDay = options.startEpochDay + likely.length;
      const mean = options.calendar.isOpenEpochDay(epochDay)
        ? options.perWeekday[weekdayKey(weekdayOfEpochDay(epochDay))]
        : 0;
      const sd = effectiveCv * mean;
      meanSum += mean;
      varianceSum += sd * sd;
      floor = Math.max(floor, meanSum - z * Math.sqrt(varianceSum));
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
    if (value(k) >= demand - EPSILON) return k;
  }
  return null;
}
