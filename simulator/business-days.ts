// Workshop calendar: which days the seeded shop works. Weekends and the US holidays a small
// American workshop closes for are off, which is what makes a holiday week "short".
import { DateTime } from "luxon";

/** Dates (yyyy-MM-dd) the workshop is closed, besides weekends. */
export function usHolidays(year: number): Set<string> {
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  return new Set([
    `${year}-01-01`,
    nthWeekday(year, 5, 1, -1).toISODate() ?? "", // Memorial Day
    `${year}-07-04`,
    nthWeekday(year, 9, 1, 1).toISODate() ?? "", // Labor Day
    thanksgiving.toISODate() ?? "",
    thanksgiving.plus({ days: 1 }).toISODate() ?? "",
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-31`,
  ]);
}

const holidayCache = new Map<number, Set<string>>();

export function isBusinessDay(day: DateTime): boolean {
  if (day.weekday >= 6) return false;
  let holidays = holidayCache.get(day.year);
  if (!holidays) {
    holidays = usHolidays(day.year);
    holidayCache.set(day.year, holidays);
  }
  return !holidays.has(day.toISODate() ?? "");
}

/**
 * The end of the `days`-th business day after the calendar day of `from` in `timezone`:
 * "ships within 10 business days" of an order placed on a Monday means by the end of the
 * Monday two weeks later (holidays pushing it further).
 */
export function addBusinessDays(from: Date, days: number, timezone: string): Date {
  let day = DateTime.fromJSDate(from, { zone: timezone }).startOf("day");
  let left = days;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day)) left -= 1;
  }
  return day.endOf("day").toJSDate();
}

/** month 1-12, weekday 1 (Mon) - 7 (Sun); nth 1.. from the start, -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): DateTime {
  if (nth > 0) {
    const first = DateTime.utc(year, month, 1);
    const offset = (weekday - first.weekday + 7) % 7;
    return first.plus({ days: offset + (nth - 1) * 7 });
  }
  const last = DateTime.utc(year, month, 1).endOf("month").startOf("day");
  const offset = (last.weekday - weekday + 7) % 7;
  return last.minus({ days: offset });
}
