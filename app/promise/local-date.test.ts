import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromEpochDay,
  isLocalDate,
  localDateSchema,
  parseLocalDate,
  toEpochDay,
  weekdayOf,
} from "./local-date";

const d = parseLocalDate;

describe("LocalDate", () => {
  it("accepts real calendar dates only", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2026-04-31")).toBe(false);
    expect(isLocalDate("2026-4-3")).toBe(false);
    expect(isLocalDate("2026-11-23T00:00:00Z")).toBe(false);
    expect(() => parseLocalDate("2026-13-01")).toThrow(RangeError);
    expect(localDateSchema.safeParse("2026-11-31").success).toBe(false);
  });

  it("adds days across month, year and leap-day ends", () => {
    expect(addDays(d("2026-01-31"), 1)).toBe("2026-02-01");
    expect(addDays(d("2026-12-31"), 1)).toBe("2027-01-01");
    expect(addDays(d("2028-02-28"), 1)).toBe("2028-02-29");
    expect(addDays(d("2026-02-28"), 1)).toBe("2026-03-01");
    expect(addDays(d("2026-03-01"), -1)).toBe("2026-02-28");
    // A DST switch is invisible to calendar arithmetic: still one day.
    expect(addDays(d("2026-03-08"), 1)).toBe("2026-03-09");
  });

  it("knows weekdays (ISO: Monday 1 … Sunday 7), also before 1970", () => {
    expect(weekdayOf(d("2026-11-23"))).toBe(1);
    expect(weekdayOf(d("2026-11-26"))).toBe(4); // Thanksgiving 2026
    expect(weekdayOf(d("1970-01-01"))).toBe(4);
    expect(weekdayOf(d("1969-12-28"))).toBe(7);
    expect(weekdayOf(d("2000-01-01"))).toBe(6);
  });

  it("round-trips epoch days and counts days between", () => {
    expect(toEpochDay(d("1970-01-01"))).toBe(0);
    expect(fromEpochDay(-1)).toBe("1969-12-31");
    expect(fromEpochDay(toEpochDay(d("2026-11-23")))).toBe("2026-11-23");
    expect(daysBetween(d("2026-12-30"), d("2027-01-02"))).toBe(3);
    expect(daysBetween(d("2027-01-02"), d("2026-12-30"))).toBe(-3);
  });
});
