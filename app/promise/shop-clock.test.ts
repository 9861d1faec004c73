import { describe, expect, it } from "vitest";
import { instantToMillis, isAtOrAfterCutOff, minutesOfHHMM, toShopLocal } from "./shop-clock";

describe("toShopLocal", () => {
  it("follows New York across the spring-forward gap (2026-03-08)", () => {
    expect(toShopLocal("2026-03-08T06:59:00Z", "America/New_York")).toEqual({
      date: "2026-03-08",
      minuteOfDay: 1 * 60 + 59,
    });
    // One minute later the wall clock jumps from 01:59 to 03:00.
    expect(toShopLocal("2026-03-08T07:00:00Z", "America/New_York")).toEqual({
      date: "2026-03-08",
      minuteOfDay: 3 * 60,
    });
  });

  it("follows New York through the repeated hour (2026-11-01)", () => {
    expect(toShopLocal("2026-11-01T05:30:00Z", "America/New_York").minuteOfDay).toBe(90); // 01:30 EDT
    expect(toShopLocal("2026-11-01T06:30:00Z", "America/New_York").minuteOfDay).toBe(90); // 01:30 EST
  });

  it("puts late-evening New York orders on the local day, not the UTC day", () => {
    expect(toShopLocal("2026-11-24T04:30:00Z", "America/New_York")).toEqual({
      date: "2026-11-23",
      minuteOfDay: 23 * 60 + 30,
    });
  });

  it("crosses the year end first in Auckland (UTC+13 in summer)", () => {
    expect(toShopLocal("2026-12-31T11:00:00Z", "Pacific/Auckland")).toEqual({
      date: "2027-01-01",
      minuteOfDay: 0,
    });
    expect(toShopLocal("2026-12-31T10:59:00Z", "Pacific/Auckland").date).toBe("2026-12-31");
  });

  it("handles Auckland's spring-forward (2026-09-27, 02:00 → 03:00)", () => {
    expect(toShopLocal("2026-09-26T13:59:00Z", "Pacific/Auckland")).toEqual({
      date: "2026-09-27",
      minuteOfDay: 119,
    });
    expect(toShopLocal("2026-09-26T14:00:00Z", "Pacific/Auckland")).toEqual({
      date: "2026-09-27",
      minuteOfDay: 180,
    });
  });

  it("handles Kolkata's half-hour offset", () => {
    expect(toShopLocal("2026-11-23T08:29:00Z", "Asia/Kolkata")).toEqual({
      date: "2026-11-23",
      minuteOfDay: 13 * 60 + 59,
    });
    expect(toShopLocal("2026-11-23T18:30:00Z", "Asia/Kolkata")).toEqual({
      date: "2026-11-24",
      minuteOfDay: 0,
    });
  });

  it("accepts Dates and offset strings, refuses zone-less strings", () => {
    expect(instantToMillis(new Date(Date.UTC(2026, 10, 23)))).toBe(Date.UTC(2026, 10, 23));
    expect(instantToMillis("2026-11-23T05:30:00+05:30")).toBe(Date.UTC(2026, 10, 23));
    expect(() => instantToMillis("2026-11-23T10:00:00")).toThrow();
    expect(() => instantToMillis(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("cut-off", () => {
  it("treats the cut-off minute itself as after the cut-off", () => {
    expect(minutesOfHHMM("14:00")).toBe(840);
    expect(isAtOrAfterCutOff("2026-11-23T18:59:59.999Z", "America/New_York", "14:00")).toBe(false);
    expect(isAtOrAfterCutOff("2026-11-23T19:00:00Z", "America/New_York", "14:00")).toBe(true);
  });

  it("moves with the offset across DST (14:00 EDT is 18:00Z, 14:00 EST is 19:00Z)", () => {
    expect(isAtOrAfterCutOff("2026-10-30T18:00:00Z", "America/New_York", "14:00")).toBe(true);
    expect(isAtOrAfterCutOff("2026-11-02T18:30:00Z", "America/New_York", "14:00")).toBe(false);
  });
});
