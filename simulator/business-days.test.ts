import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addBusinessDays, isBusinessDay } from "./business-days";

describe("business days", () => {
  it("skips weekends and the Thanksgiving holidays", () => {
    expect(isBusinessDay(DateTime.fromISO("2026-11-26"))).toBe(false); // Thanksgiving
    expect(isBusinessDay(DateTime.fromISO("2026-11-27"))).toBe(false);
    expect(isBusinessDay(DateTime.fromISO("2026-11-28"))).toBe(false); // Saturday
    expect(isBusinessDay(DateTime.fromISO("2026-11-30"))).toBe(true);
  });

  it("ends a promise at the end of the n-th business day in the shop's zone", () => {
    // Monday 23 Nov 2026, 10pm in New York (already Tuesday in UTC).
    const due = addBusinessDays(new Date("2026-11-24T03:00:00Z"), 10, "America/New_York");
    // Tue 24, Wed 25, Mon 30, Dec 1-4, Mon 7, Tue 8, Wed 9 -> end of Wed 9 Dec in New York.
    expect(due.toISOString()).toBe("2026-12-10T04:59:59.999Z");
  });
});
