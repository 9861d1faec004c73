// The estimate a customer is told: a range of shop days, never a single day. The early end is the
// likely ship date, the late end the conservative one (a date the shop beats at least 90 % of the
// time even with shocks: forecast/shock-quantile.ts), so the shop very probably beats the late
// end (domain guide, rule 3: "if you expect a week, say 1-2 weeks").
//
// How it is worded depends on how far out it is, as of the day it is said:
// - within a week: the two days ("between Thursday 3 December and Tuesday 8 December");
// - further: whole weeks and the late day ("in 5–7 weeks (by Friday 22 January)"): nobody can
//   promise a Tuesday eight weeks away. The late end rounds up, so the weeks said are never
//   shorter than the forecast's conservative date; the two ends are at least a week apart;
// - a late end that is today or already past is not an estimate, and is never called one: the
//   wording says plainly that it is today, or that the date has passed.
import { DateTime } from "luxon";

export interface EstimateRange {
  from: string; // YYYY-MM-DD, shop days
  to: string;
}

/** The range for one order from its stored forecast; null when the order has no forecast yet. */
export function estimateRangeOf(order: {
  likelyShipDate: string | null;
  conservativeShipDate: string | null;
}): EstimateRange | null {
  const to = order.conservativeShipDate;
  if (!to) return null;
  const likely = order.likelyShipDate;
  const from = likely && likely < to ? likely : to;
  return { from, to };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD shop day (stored dates are plain strings). */
function dayNumber(date: string): number {
  const millis = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(millis)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Math.round(millis / DAY_MS);
}

/** "Friday 18 December": how a single shop date is said to customers. */
export function longDay(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-US").toFormat("cccc d LLLL");
}

/** Up to this many days ahead the two days are named; beyond, the range is said in weeks. */
export const DAYS_WORDING_LIMIT = 7;

export type EstimateWording =
  /** The late end is after `today`: an estimate the shop will very probably beat. */
  | { kind: "estimate"; text: string; weeks: { from: number; to: number } | null }
  /** The late end is `today`: it ships today at the latest; no estimate left to beat. */
  | { kind: "today"; text: string; sentence: string }
  /** The late end has passed: the order is late against its own last estimate. */
  | { kind: "past"; text: string; sentence: string };

/**
 * How to say `range` on `today` (the shop's date when the words are written or were sent). Only a
 * wording of kind "estimate" may be followed by "a careful estimate: we will very probably beat
 * it"; the other kinds are statements of fact.
 */
export function describeEstimate(range: EstimateRange, today: string): EstimateWording {
  const daysTo = dayNumber(range.to) - dayNumber(today);
  if (daysTo < 0)
    return {
      kind: "past",
      text: `by ${longDay(range.to)}, a date that has passed`,
      sentence: `We expected to ship it by ${longDay(range.to)}, and that date has passed. I am sorry: I will write again as soon as I have a date I can stand behind.`,
    };
  if (daysTo === 0)
    return {
      kind: "today",
      text: `today, ${longDay(range.to)}`,
      sentence: `It is due to leave our workshop today, ${longDay(range.to)}, and I will write again if it does not.`,
    };
  const daysFrom = dayNumber(range.from) - dayNumber(today);
  if (daysTo <= DAYS_WORDING_LIMIT) {
    if (daysFrom <= 0 || range.from === range.to)
      return { kind: "estimate", text: `by ${longDay(range.to)}`, weeks: null };
    return {
      kind: "estimate",
      text: `between ${longDay(range.from)} and ${longDay(range.to)}`,
      weeks: null,
    };
  }
  // The late end up to whole weeks (it is the one to beat), the early end to the nearest week,
  // and at least a week apart.
  const fromWeeks = Math.round(Math.max(0, daysFrom) / 7);
  const toWeeks = Math.max(fromWeeks + 1, Math.ceil(daysTo / 7));
  const span = fromWeeks === 0 ? `within ${toWeeks} weeks` : `in ${fromWeeks}–${toWeeks} weeks`;
  return {
    kind: "estimate",
    text: `${span} (by ${longDay(range.to)})`,
    weeks: { from: fromWeeks, to: toWeeks },
  };
}

/**
 * The two days as dates, for the merchant's own records (timeline, "last told"): "between Monday 7
 * December and Friday 18 December", or "on Friday 18 December" for one day. Customers are told
 * `describeEstimate`, which depends on how far out the range is.
 */
export function describeRange(range: EstimateRange): string {
  if (range.from === range.to) return `on ${longDay(range.to)}`;
  return `between ${longDay(range.from)} and ${longDay(range.to)}`;
}

const ESTIMATE_PLACEHOLDER = /\{\{\s*estimate\s*\}\}/;

/**
 * A notice body that never calls today or a past date an estimate: when `wording` is not an
 * estimate, each paragraph that would carry it (and, in any template, the promise to beat it) is
 * replaced by the plain statement.
 */
export function bodyForWording(body: string, wording: EstimateWording): string {
  if (wording.kind === "estimate") return body;
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => (ESTIMATE_PLACEHOLDER.test(paragraph) ? wording.sentence : paragraph))
    .join("\n\n");
}

export function sameRange(a: EstimateRange, b: EstimateRange): boolean {
  return a.from === b.from && a.to === b.to;
}
