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
import { formatShopDay } from "../locale/format";
import type { CustomerLanguage } from "../locale/language";
import { customerTexts } from "../locale/customer-texts";

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

/** "Friday 18 December" ("vendredi 18 décembre" for "fr"): how a single shop date is said. */
export function longDay(date: string, locale = "en"): string {
  dayNumber(date);
  return formatShopDay(date, locale);
}

/** Which words and which formats a customer reads (app/locale/language.ts). */
export interface ReaderLocale {
  language: CustomerLanguage;
  locale: string;
}

const ENGLISH: ReaderLocale = { language: "en", locale: "en" };

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
export function describeEstimate(
  range: EstimateRange,
  today: string,
  reader: ReaderLocale = ENGLISH,
): EstimateWording {
  const words = customerTexts(reader.language).estimate;
  const day = (date: string) => longDay(date, reader.locale);
  const daysTo = dayNumber(range.to) - dayNumber(today);
  if (daysTo < 0)
    return {
      kind: "past",
      text: words.pastText(day(range.to)),
      sentence: words.pastSentence(day(range.to)),
    };
  if (daysTo === 0)
    return {
      kind: "today",
      text: words.todayText(day(range.to)),
      sentence: words.todaySentence(day(range.to)),
    };
  const daysFrom = dayNumber(range.from) - dayNumber(today);
  if (daysTo <= DAYS_WORDING_LIMIT) {
    if (daysFrom <= 0 || range.from === range.to)
      return { kind: "estimate", text: words.by(day(range.to)), weeks: null };
    return {
      kind: "estimate",
      text: words.between(day(range.from), day(range.to)),
      weeks: null,
    };
  }
  // The late end up to whole weeks (it is the one to beat), the early end to the nearest week,
  // and at least a week apart.
  const fromWeeks = Math.round(Math.max(0, daysFrom) / 7);
  const toWeeks = Math.max(fromWeeks + 1, Math.ceil(daysTo / 7));
  return {
    kind: "estimate",
    text:
      fromWeeks === 0
        ? words.within(toWeeks, day(range.to))
        : words.inWeeks(fromWeeks, toWeeks, day(range.to)),
    weeks: { from: fromWeeks, to: toWeeks },
  };
}

/**
 * The two days as dates, for the merchant's own records (timeline, "last told"): "between Monday 7
 * December and Friday 18 December", or "on Friday 18 December" for one day. Customers are told
 * `describeEstimate`, which depends on how far out the range is.
 */
export function describeRange(range: EstimateRange, reader: ReaderLocale = ENGLISH): string {
  const words = customerTexts(reader.language).estimate;
  if (range.from === range.to) return words.on(longDay(range.to, reader.locale));
  return words.range(longDay(range.from, reader.locale), longDay(range.to, reader.locale));
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
