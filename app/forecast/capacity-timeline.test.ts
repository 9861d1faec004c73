import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../promise/business-calendar";
import { parseLocalDate, toEpochDay } from "../promise/local-date";
import { createCapacityTimeline, firstDayCovering } from "./capacity-timeline";
import { conservativeFraction } from "./shock-quantile";

const Z90 = 1.2815515655446004;
const everyDay = createBusinessCalendar({ openWeekdays: [1, 2, 3, 4, 5, 6, 7], closures: [] });
const ten = { mon: 10, tue: 10, wed: 10, thu: 10, fri: 10, sat: 10, sun: 10 };
const start = toEpochDay(parseLocalDate("2026-11-23"));

describe("capacity timeline", () => {
  it("accumulates the plan, and the plan times the shock-aware fraction r(n) for the conservative line", () => {
    const timeline = createCapacityTimeline({
      perWeekday: ten,
      calendar: everyDay,
      startEpochDay: start,
      coefficientOfVariation: 0.2,
      confidence: 0.9,
    });
    const r = conservativeFraction(0.2, 0.9);
    for (const k of [0, 1, 2, 3, 9, 40]) {
      const days = k + 1;
      expect(timeline.likely(k)).toBeCloseTo(10 * days, 9);
      expect(timeline.conservative(k)).toBeCloseTo(10 * days * r(days), 9);
      // Shocks make it more careful than wobble alone (the pre-issue-13 line) at every horizon.
      expect(timeline.conservative(k)).toBeLessThan(10 * days - Z90 * 2 * Math.sqrt(days));
    }
    expect(timeline.date(0)).toBe("2026-11-23");
    expect(timeline.date(8)).toBe("2026-12-01");
  });

  it("adds nothing on closed days, so the curves stay flat over a weekend", () => {
    const weekdays = createBusinessCalendar({ openWeekdays: [1, 2, 3, 4, 5], closures: [] });
    // 2026-11-20 is a Friday.
    const timeline = createCapacityTimeline({
      perWeekday: ten,
      calendar: weekdays,
      startEpochDay: toEpochDay(parseLocalDate("2026-11-20")),
      coefficientOfVariation: 0.2,
      confidence: 0.9,
    });
    expect([
      timeline.likely(0),
      timeline.likely(1),
      timeline.likely(2),
      timeline.likely(3),
    ]).toEqual([10, 10, 10, 20]);
    expect(timeline.conservative(2)).toBe(timeline.conservative(0));
  });

  it("caps cv at 1/z and never lets the conservative curve fall or go negative", () => {
    const timeline = createCapacityTimeline({
      perWeekday: ten,
      calendar: everyDay,
      startEpochDay: start,
      coefficientOfVariation: 2,
      confidence: 0.9,
    });
    expect(timeline.effectiveCv).toBeCloseTo(1 / Z90, 8); // Acklam: ~1e-9 relative error
    expect(timeline.conservative(0)).toBeCloseTo(0, 9);
    let previous = 0;
    for (let k = 0; k < 50; k += 1) {
      expect(timeline.conservative(k)).toBeGreaterThanOrEqual(previous);
      expect(timeline.conservative(k)).toBeLessThanOrEqual(timeline.likely(k));
      previous = timeline.conservative(k);
    }
    expect(timeline.conservative(2)).toBeCloseTo(
      30 * conservativeFraction(timeline.effectiveCv, 0.9)(3),
      9,
    );
  });

  it("finds the first covering day, treating float dust as met, and stops at the horizon", () => {
    const thirds = { mon: 0.1, tue: 0.1, wed: 0.1, thu: 0.1, fri: 0.1, sat: 0.1, sun: 0.1 };
    const timeline = createCapacityTimeline({
      perWeekday: thirds,
      calendar: everyDay,
      startEpochDay: start,
      coefficientOfVariation: 0,
      confidence: 0.9,
      horizonDays: 20,
    });
    // 0.1 summed ten times is 0.9999999999999999 in floating point.
    expect(firstDayCovering(timeline, "likely", 1, 0)).toBe(9);
    expect(firstDayCovering(timeline, "likely", 2, 9)).toBe(19);
    expect(firstDayCovering(timeline, "likely", 2.1, 9)).toBeNull();
    expect(() => timeline.likely(20)).toThrow(RangeError);
  });
});
