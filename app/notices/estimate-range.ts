// The estimate a customer is told: a range of shop days, never a single day. The early end is the
// likely ship date, the late end the conservative (90 %) one, so the shop very probably beats the
// late end (domain guide, rule 3: "if you expect a week, say 1-2 weeks").
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

function longDay(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-US").toFormat("cccc d LLLL");
}

/** "between Monday 7 December and Friday 18 December", or "on Friday 18 December" for one day. */
export function describeRange(range: EstimateRange): string {
  if (range.from === range.to) return `on ${longDay(range.to)}`;
  return `between ${longDay(range.from)} and ${longDay(range.to)}`;
}

export function sameRange(a: EstimateRange, b: EstimateRange): boolean {
  return a.from === b.from && a.to === b.to;
}
