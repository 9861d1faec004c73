import { describe, expect, it } from "vitest";
import { describeRange, estimateRangeOf } from "./estimate-range";

describe("estimateRangeOf", () => {
  it("runs from the likely to the conservative date", () => {
    expect(
      estimateRangeOf({ likelyShipDate: "2026-12-07", conservativeShipDate: "2026-12-18" }),
    ).toEqual({ from: "2026-12-07", to: "2026-12-18" });
  });
  it("collapses to the conservative date when the likely one is missing or later", () => {
    expect(estimateRangeOf({ likelyShipDate: null, conservativeShipDate: "2026-12-18" })).toEqual({
      from: "2026-12-18",
      to: "2026-12-18",
    });
    expect(
      estimateRangeOf({ likelyShipDate: "2026-12-20", conservativeShipDate: "2026-12-18" }),
    ).toEqual({ from: "2026-12-18", to: "2026-12-18" });
  });
  it("is null without a forecast", () => {
    expect(
      estimateRangeOf({ likelyShipDate: "2026-12-07", conservativeShipDate: null }),
    ).toBeNull();
  });
});

describe("describeRange", () => {
  it("names both days with their weekday", () => {
    expect(describeRange({ from: "2026-12-07", to: "2026-12-18" })).toBe(
      "between Monday 7 December and Friday 18 December",
    );
  });
  it("says one day plainly", () => {
    expect(describeRange({ from: "2026-12-18", to: "2026-12-18" })).toBe("on Friday 18 December");
  });
});
