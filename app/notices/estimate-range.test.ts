import { describe, expect, it } from "vitest";
import { bodyForWording, describeEstimate, describeRange, estimateRangeOf } from "./estimate-range";

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

describe("describeEstimate", () => {
  const today = "2026-12-01"; // a Tuesday

  it("names the two days when the late end is within a week", () => {
    expect(describeEstimate({ from: "2026-12-03", to: "2026-12-08" }, today)).toEqual({
      kind: "estimate",
      text: "between Thursday 3 December and Tuesday 8 December",
      weeks: null,
    });
    // An early end that is today or past is not worth saying: only the date to beat.
    expect(describeEstimate({ from: today, to: "2026-12-04" }, today).text).toBe(
      "by Friday 4 December",
    );
  });

  it("says 1–2 weeks of an order expected in a week (the seeds' rule)", () => {
    expect(describeEstimate({ from: "2026-12-08", to: "2026-12-11" }, today)).toEqual({
      kind: "estimate",
      text: "in 1–2 weeks (by Friday 11 December)",
      weeks: { from: 1, to: 2 },
    });
  });

  it("rounds to weeks far out, never shorter than the conservative date", () => {
    // Eight weeks out: the likely date 2027-01-19 (49 days), the conservative 2027-01-29 (59).
    const far = describeEstimate({ from: "2027-01-19", to: "2027-01-29" }, today);
    expect(far).toEqual({
      kind: "estimate",
      text: "in 7–9 weeks (by Friday 29 January)",
      weeks: { from: 7, to: 9 },
    });
    for (const days of [8, 13, 14, 15, 27, 28, 29, 60, 200]) {
      const to = new Date(Date.UTC(2026, 11, 1 + days)).toISOString().slice(0, 10);
      const wording = describeEstimate({ from: to, to }, today);
      if (wording.kind !== "estimate" || !wording.weeks) throw new Error(`no weeks for ${days}`);
      expect(wording.weeks.to * 7, `${days} days`).toBeGreaterThanOrEqual(days);
      expect(wording.weeks.to - wording.weeks.from, `${days} days`).toBeGreaterThanOrEqual(1);
    }
  });

  it("grows with the horizon", () => {
    const width = (from: string, to: string) => {
      const wording = describeEstimate({ from, to }, today);
      return wording.kind === "estimate" && wording.weeks
        ? wording.weeks.to - wording.weeks.from
        : 0;
    };
    expect(width("2027-02-23", "2027-03-18")).toBeGreaterThan(width("2026-12-08", "2026-12-11"));
  });

  it("never calls today or a past date an estimate, and says so plainly", () => {
    const due = describeEstimate({ from: "2026-11-30", to: today }, today);
    expect(due.kind).toBe("today");
    expect(due.text).toBe("today, Tuesday 1 December");
    const past = describeEstimate({ from: "2026-11-20", to: "2026-11-27" }, today);
    expect(past.kind).toBe("past");
    expect(past.text).toBe("by Friday 27 November, a date that has passed");
    for (const wording of [due, past]) {
      if (wording.kind === "estimate") throw new Error("an estimate");
      expect(wording.sentence).not.toMatch(/estimate|beat/i);
    }
  });
});

describe("bodyForWording", () => {
  const body =
    "Hi {{first_name}},\n\nWe now expect to ship it {{estimate}}. That is a careful estimate: we will very probably beat it.\n\nThanks.";

  it("keeps the template as it is for an estimate", () => {
    const wording = describeEstimate({ from: "2026-12-08", to: "2026-12-11" }, "2026-12-01");
    expect(bodyForWording(body, wording)).toBe(body);
  });

  it("replaces the paragraph that would promise to beat today's date with the plain fact", () => {
    const wording = describeEstimate({ from: "2026-12-01", to: "2026-12-01" }, "2026-12-01");
    const result = bodyForWording(body, wording);
    expect(result).not.toMatch(/careful estimate|very probably|\{\{\s*estimate/);
    expect(result).toContain("It is due to leave our workshop today, Tuesday 1 December");
    expect(result.startsWith("Hi {{first_name}},")).toBe(true);
    expect(result.endsWith("Thanks.")).toBe(true);
  });
});
