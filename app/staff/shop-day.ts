// The shop's day, for the daily money limit and the audit: a day starts at midnight on the shop's
// own clock (its IANA zone, as the forecast and the settings read it), not at UTC midnight, so a
// job at 23:30 and one at 00:30 the next morning in the shop count on two days. Pure.
import { DateTime } from "luxon";
import { localDateOf } from "../promise/shop-clock";
import type { LocalDate } from "../promise/local-date";

/** The instant the shop's current day began (DST-aware: luxon's startOf in the zone). */
export function startOfShopDay(now: Date, timeZone: string): Date {
  const start = DateTime.fromMillis(now.getTime(), { zone: timeZone }).startOf("day");
  if (!start.isValid) throw new RangeError(`No day start in time zone ${timeZone}`);
  return start.toJSDate();
}

/** The shop's calendar date of an instant, YYYY-MM-DD. */
export function shopDayOf(instant: Date, timeZone: string): LocalDate {
  return localDateOf(instant, timeZone);
}
