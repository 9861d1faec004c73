// How much a shop's daily output wobbles, as a coefficient of variation (sd / mean).
//
// From history we compare each past open day's output with what the plan said for that
// weekday (ratio r = output / planned), so a shop that plans 12 on weekdays and 4 on
// Saturdays does not look "variable" just because Saturdays are short. CV = sd(r) / mean(r),
// with the sample (n − 1) standard deviation. Too few days say little about spread, so below
// MIN_HISTORY_DAYS we keep the merchant's stated CV.
//
// The mean ratio is reported, not applied: if the workshop makes 80 % of its plan, the
// settings page should say so and let the merchant lower the plan; silently rescaling would
// make the likely date disagree with the capacity they typed in.
import type { BusinessCalendar } from "../promise/business-calendar";
import { toEpochDay, weekdayOf } from "../promise/local-date";
import { weekdayKey, type CapacityRules } from "../promise/shop-rules";

export const MIN_HISTORY_DAYS = 10;

export interface VariabilityEstimate {
  coefficientOfVariation: number;
  source: "history" | "setting";
  /** Open days of history used (0 when the setting was used for lack of history). */
  sampleDays: number;
  /** Mean of output / plan over the history, or null without usable history. */
  meanRatioToPlan: number | null;
}

export function estimateVariability(
  capacity: CapacityRules,
  calendar: BusinessCalendar,
): VariabilityEstimate {
  const ratios: number[] = [];
  for (const day of capacity.outputHistory) {
    const planned = capacity.perWeekday[weekdayKey(weekdayOf(day.date))];
    // Closed days and days planned at zero say nothing about an open day's wobble.
    if (planned <= 0 || !calendar.isOpenEpochDay(toEpochDay(day.date))) continue;
    ratios.push(day.output / planned);
  }
  const fallback: VariabilityEstimate = {
    coefficientOfVariation: capacity.coefficientOfVariation,
    source: "setting",
    sampleDays: 0,
    meanRatioToPlan: null,
  };
  if (ratios.length === 0) return fallback;
  const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  if (ratios.length < MIN_HISTORY_DAYS || mean <= 0) return { ...fallback, meanRatioToPlan: mean };
  const variance = ratios.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (ratios.length - 1);
  return {
    coefficientOfVariation: Math.sqrt(variance) / mean,
    source: "history",
    sampleDays: ratios.length,
    meanRatioToPlan: mean,
  };
}
