// The workshop's real output, day by day, under the disruption model issue 13 (point 4) fixes
// so that the forecast is judged by something other than its own assumptions:
// - on an open day with planned output μ, output is μ · max(0, 1 + cv·Z), Z standard normal
//   (day-to-day wobble; cv is the shop's variability setting, 25 % by default);
// - on each business day a shock starts with probability 2 %; it lasts 3–7 business days
//   (uniform, the starting day included) and cuts output to a fraction of normal drawn uniformly
//   from [0, 0.5] (a sick maker, a broken press, a late leather delivery). Shocks may overlap;
//   the deeper cut applies on the days they share.
// - a replay starts with no shock running (a shop already in trouble knows it and lowers its
//   plan), unless `warmUpBusinessDays` runs the shocks that long before day 0, so that a shock
//   may already be under way when the forecast is made (the harsher reading); `shocks: false`
//   replays the wobble alone, the world the model before issue 13 assumed.
// Only open days with a plan above zero count as business days (a closed day cannot be cut).
import { Random } from "./random";

export const DISRUPTION_MODEL = {
  shockChancePerBusinessDay: 0.02,
  shockBusinessDays: { min: 3, max: 7 },
  shockCapacityFraction: { min: 0, max: 0.5 },
} as const;

/** One standard normal draw (Box–Muller; the second value is dropped for simplicity). */
export function standardNormal(random: Random): number {
  const u = 1 - random.next(); // (0, 1]: log(0) is not a number
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The shocks alone: the fraction of normal output on each of `businessDays` consecutive business
 * days (1 = no shock). Calls `onDay(index, fraction)` so callers need not allocate per replay.
 */
export function shockFractions(
  random: Random,
  businessDays: number,
  onDay: (index: number, fraction: number) => void,
): void {
  const { shockChancePerBusinessDay, shockBusinessDays, shockCapacityFraction } = DISRUPTION_MODEL;
  // Active shocks as (last business-day index, fraction); rarely more than one at a time.
  const active: { until: number; fraction: number }[] = [];
  for (let day = 0; day < businessDays; day += 1) {
    if (random.chance(shockChancePerBusinessDay)) {
      const length = random.int(shockBusinessDays.min, shockBusinessDays.max);
      const fraction =
        shockCapacityFraction.min +
        random.next() * (shockCapacityFraction.max - shockCapacityFraction.min);
      active.push({ until: day + length - 1, fraction });
    }
    let fraction = 1;
    for (let i = active.length - 1; i >= 0; i -= 1) {
      const shock = active[i];
      if (!shock) continue;
      if (shock.until < day) active.splice(i, 1);
      else fraction = Math.min(fraction, shock.fraction);
    }
    onDay(day, fraction);
  }
}

/**
 * One replay of the shop's output: `planned[k]` is the planned output on day k from the first
 * production day (0 on closed days); returns the actual output per day.
 */
export function replayOutput(
  random: Random,
  planned: readonly number[],
  coefficientOfVariation: number,
  options: { warmUpBusinessDays?: number; shocks?: boolean } = {},
): Float64Array {
  const warmUp = options.warmUpBusinessDays ?? 0;
  const shocks = options.shocks ?? true;
  const output = new Float64Array(planned.length);
  const businessDayIndex: number[] = [];
  planned.forEach((mean, k) => {
    if (mean > 0) businessDayIndex.push(k);
  });
  shockFractions(random, warmUp + businessDayIndex.length, (index, fraction) => {
    if (index < warmUp) return;
    const k = businessDayIndex[index - warmUp];
    if (k === undefined) return;
    const mean = planned[k] ?? 0;
    const wobble = Math.max(0, 1 + coefficientOfVariation * standardNormal(random));
    output[k] = mean * wobble * (shocks ? fraction : 1);
  });
  return output;
}

/**
 * The day each order of a first-come-first-made backlog actually ships in one replay: the first
 * day whose cumulative output covers the cumulative demand up to and including that order (the
 * same rule the forecast uses), or -1 when the replay's days run out first.
 */
export function replayShipDays(
  output: Float64Array,
  cumulativeDemand: readonly number[],
): Int32Array {
  const ship = new Int32Array(cumulativeDemand.length);
  let day = 0;
  let made = output[0] ?? 0;
  for (let i = 0; i < cumulativeDemand.length; i += 1) {
    const demand = (cumulativeDemand[i] ?? 0) - 1e-9;
    while (made < demand && day < output.length - 1) {
      day += 1;
      made += output[day] ?? 0;
    }
    ship[i] = made >= demand ? day : -1;
  }
  return ship;
}
