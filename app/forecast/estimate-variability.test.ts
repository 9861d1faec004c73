import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "../promise/business-calendar";
import { addDays, parseLocalDate } from "../promise/local-date";
import { closureSchema, DEFAULT_SHOP_RULES, type CapacityRules } from "../promise/shop-rules";
import { estimateVariability, MIN_HISTORY_DAYS } from "./estimate-variability";

const calendar = createBusinessCalendar({
  openWeekdays: [1, 2, 3, 4, 5, 6],
  closures: [closureSchema.parse({ label: "Stocktake", date: "2026-11-05" })],
});

/** Mon 2026-11-02 onwards, skipping Sundays. */
function history(outputs: number[]) {
  const days: { date: ReturnType<typeof parseLocalDate>; output: number }[] = [];
  let date = parseLocalDate("2026-11-02");
  for (const output of outputs) {
    if (date === "2026-11-08" || date === "2026-11-15") date = addDays(date, 1);
    days.push({ date, output });
    date = addDays(date, 1);
  }
  return days;
}

const capacity = (outputHistory: CapacityRules["outputHistory"]): CapacityRules => ({
  ...DEFAULT_SHOP_RULES.capacity,
  perWeekday: { mon: 10, tue: 10, wed: 10, thu: 10, fri: 10, sat: 5, sun: 0 },
  coefficientOfVariation: 0.3,
  outputHistory,
});

describe("estimateVariability", () => {
  it("keeps the stated CV without history", () => {
    expect(estimateVariability(capacity([]), calendar)).toEqual({
      coefficientOfVariation: 0.3,
      source: "setting",
      sampleDays: 0,
      meanRatioToPlan: null,
    });
  });

  it("estimates CV from output relative to each weekday's plan, skipping closures", () => {
    // Mon 11-02 … : ratios alternate 0.8 / 1.2 (Saturdays planned at 5 → outputs 4 / 6).
    // Thu 11-05 is a closure: its 0 must not count.
    const days = [
      { date: parseLocalDate("2026-11-02"), output: 8 },
      { date: parseLocalDate("2026-11-03"), output: 12 },
      { date: parseLocalDate("2026-11-04"), output: 8 },
      { date: parseLocalDate("2026-11-05"), output: 0 },
      { date: parseLocalDate("2026-11-06"), output: 12 },
      { date: parseLocalDate("2026-11-07"), output: 4 },
      { date: parseLocalDate("2026-11-09"), output: 12 },
      { date: parseLocalDate("2026-11-10"), output: 8 },
      { date: parseLocalDate("2026-11-11"), output: 12 },
      { date: parseLocalDate("2026-11-12"), output: 8 },
      { date: parseLocalDate("2026-11-13"), output: 12 },
      { date: parseLocalDate("2026-11-14"), output: 6 },
    ];
    const estimate = estimateVariability(capacity(days), calendar);
    // 11 ratios: six of 1.2 and five of 0.8 → mean 1.01818, sample sd 0.20889.
    const mean = (6 * 1.2 + 5 * 0.8) / 11;
    const sd = Math.sqrt((6 * (1.2 - mean) ** 2 + 5 * (0.8 - mean) ** 2) / 10);
    expect(estimate.source).toBe("history");
    expect(estimate.sampleDays).toBe(11);
    expect(estimate.meanRatioToPlan).toBeCloseTo(mean, 12);
    expect(estimate.coefficientOfVariation).toBeCloseTo(sd / mean, 12);
    expect(estimate.coefficientOfVariation).toBeCloseTo(0.2052, 3); // 0.20889 / 1.01818
  });

  it(`needs ${MIN_HISTORY_DAYS} usable days before trusting history`, () => {
    const short = estimateVariability(capacity(history([8, 12, 8, 12, 8, 12, 8, 12, 8])), calendar);
    expect(short.source).toBe("setting");
    expect(short.coefficientOfVariation).toBe(0.3);
  });

  it("falls back when the shop made nothing at all", () => {
    expect(
      estimateVariability(capacity(history(new Array<number>(12).fill(0))), calendar).source,
    ).toBe("setting");
  });
});
