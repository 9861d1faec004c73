// A "day in the shop" is a calendar date on the shop's wall calendar, not an instant: the
// same LocalDate starts at different UTC instants in Auckland and New York. We keep it as a
// branded "YYYY-MM-DD" string (JSON-friendly, sorts lexicographically = chronologically) and
// do arithmetic on "epoch days" (days since 1970-01-01) so no time zone or DST can leak in.
import { z } from "zod";

export type LocalDate = string & { readonly __brand: "LocalDate" };

/** ISO weekday: 1 = Monday … 7 = Sunday (the convention luxon and ISO 8601 use). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const satisfies readonly IsoWeekday[];

const MS_PER_DAY = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function splitValid(text: string): [number, number, number] | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // Round-trip through Date.UTC rejects 2026-02-30 and friends.
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    return null;
  }
  return [year, month, day];
}

export function isLocalDate(text: string): text is LocalDate {
  return splitValid(text) !== null;
}

export function parseLocalDate(text: string): LocalDate {
  if (!isLocalDate(text))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return text;
}

export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: "Expected a calendar date YYYY-MM-DD" })
  .transform((text) => parseLocalDate(text));

export function localDateFromParts(year: number, month: number, day: number): LocalDate {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return parseLocalDate(text);
}

export function toEpochDay(date: LocalDate): number {
  const parts = splitValid(date);
  if (!parts) throw new RangeError(`Not a calendar date: ${date}`);
  return Math.round(Date.UTC(parts[0], parts[1] - 1, parts[2]) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): LocalDate {
  const probe = new Date(epochDay * MS_PER_DAY);
  return localDateFromParts(probe.getUTCFullYear(), probe.getUTCMonth() + 1, probe.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function weekdayOfEpochDay(epochDay: number): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const weekday = ISO_WEEKDAYS[(((epochDay + 3) % 7) + 7) % 7];
  if (weekday === undefined) throw new RangeError(`Not an integer day: ${epochDay}`);
  return weekday;
}

export function weekdayOf(date: LocalDate): IsoWeekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}
