// Turning instants into shop-local wall-clock facts. We use luxon rather than bare Intl
// because it gives the local calendar date and time of any instant in any IANA zone in one
// call, with DST and half-hour offsets handled by the same tz database Intl uses, and it
// never consults the process TZ when a zone is passed explicitly.
import { DateTime } from "luxon";
import { z } from "zod";
import { localDateFromParts, type LocalDate } from "./local-date";

/** An instant: a Date, or an ISO 8601 string with an explicit offset ("Z" or "+05:30"). */
export type Instant = Date | string;

const isoInstantSchema = z.string().datetime({ offset: true });

export function instantToMillis(instant: Instant): number {
  if (instant instanceof Date) {
    const millis = instant.getTime();
    if (Number.isNaN(millis)) throw new RangeError("Invalid Date");
    return millis;
  }
  // Without an offset "2026-11-23T10:00" would be read in the process zone: refuse it.
  const text = isoInstantSchema.parse(instant);
  return DateTime.fromISO(text, { setZone: true }).toMillis();
}

export interface ShopLocalTime {
  date: LocalDate;
  /** Minutes since local midnight on the wall clock (0–1439). */
  minuteOfDay: number;
}

// A reforecast places every order of a shop (100k of them) in the shop's zone; asking luxon for
// each costs ~25 µs. A zone's UTC offset only changes at transitions, and modern transitions
// fall on quarter-hour boundaries (offsets are whole quarter-hours), so the offset found at the
// start of a 15-minute bucket holds for the whole bucket: ask once per bucket, then do arithmetic.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const MAX_CACHED_BUCKETS = 200_000;
const offsetCache = new Map<string, number>();

/** The zone's UTC offset (minutes) at an instant, as toShopLocal reads it (one lookup per bucket). */
export function offsetMinutesAt(millis: number, timeZone: string): number {
  const bucket = Math.floor(millis / QUARTER_HOUR_MS);
  const key = `${timeZone}|${bucket}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const start = DateTime.fromMillis(bucket * QUARTER_HOUR_MS, { zone: timeZone });
  if (!start.isValid)
    throw new RangeError(
      `Cannot place instant in zone ${timeZone}: ${start.invalidExplanation ?? ""}`,
    );
  if (offsetCache.size >= MAX_CACHED_BUCKETS) offsetCache.clear();
  offsetCache.set(key, start.offset);
  return start.offset;
}

export function toShopLocal(instant: Instant, timeZone: string): ShopLocalTime {
  const millis = instantToMillis(instant);
  // The wall clock is UTC shifted by the zone's offset; read it with the UTC getters.
  const wall = new Date(millis + offsetMinutesAt(millis, timeZone) * 60_000);
  return {
    date: localDateFromParts(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()),
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

export function localDateOf(instant: Instant, timeZone: string): LocalDate {
  return toShopLocal(instant, timeZone).date;
}

/** "14:30" → 870. Assumes the text already passed `cutOffTimeSchema`. */
export function minutesOfHHMM(text: string): number {
  const [hours, minutes] = text.split(":").map(Number);
  if (
    hours === undefined ||
    minutes === undefined ||
    Number.isNaN(hours) ||
    Number.isNaN(minutes)
  ) {
    throw new RangeError(`Expected HH:MM, got ${text}`);
  }
  return hours * 60 + minutes;
}

/**
 * Whether an instant falls at or after the shop's daily cut-off on the local wall clock.
 * Comparing wall-clock minutes (not instants) keeps the rule meaningful on DST days: on the
 * day clocks skip 02:00–03:00 a 02:30 cut-off still splits the day, and during the repeated
 * hour both 01:30s are treated alike.
 */
export function isAtOrAfterCutOff(instant: Instant, timeZone: string, cutOffTime: string): boolean {
  return toShopLocal(instant, timeZone).minuteOfDay >= minutesOfHHMM(cutOffTime);
}
