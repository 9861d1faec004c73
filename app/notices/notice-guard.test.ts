import { describe, expect, it } from "vitest";
import { decideNotice } from "./notice-guard";

const first = { revision: 1, estimateFrom: "2026-12-07", estimateTo: "2026-12-18" };

describe("decideNotice", () => {
  it("sends the first delay notice as revision 1", () => {
    expect(decideNotice([], { from: "2026-12-07", to: "2026-12-18" })).toMatchObject({
      send: true,
      change: "first",
      revision: 1,
    });
  });

  it("blocks a second, later date without an override", () => {
    const decision = decideNotice([first], { from: "2026-12-14", to: "2026-12-24" });
    expect(decision).toEqual({
      send: false,
      change: "later",
      reason: "second-revision",
      told: { from: "2026-12-07", to: "2026-12-18" },
      proposed: { from: "2026-12-14", to: "2026-12-24" },
    });
    expect(
      decideNotice([first], { from: "2026-12-14", to: "2026-12-24" }, { overrideReason: "   " })
        .send,
    ).toBe(false);
  });

  it("lets the merchant override a second revision with a reason", () => {
    expect(
      decideNotice(
        [first],
        { from: "2026-12-14", to: "2026-12-24" },
        { overrideReason: "Supplier fire" },
      ),
    ).toMatchObject({
      send: true,
      change: "later",
      revision: 2,
      overridden: true,
      range: { from: "2026-12-14", to: "2026-12-24" },
    });
  });

  it("keeps telling the old date when the forecast improves, until the merchant confirms", () => {
    const better = { from: "2026-12-01", to: "2026-12-10" };
    expect(decideNotice([first], better)).toMatchObject({
      send: true,
      change: "same",
      keptOldDate: true,
      range: { from: "2026-12-07", to: "2026-12-18" },
    });
    expect(decideNotice([first], better, { confirmBetter: true })).toMatchObject({
      send: true,
      change: "earlier",
      range: better,
    });
  });

  it("sends the same date again as a weekly update, numbered after the latest notice", () => {
    const told = [first, { revision: 2, estimateFrom: "2026-12-07", estimateTo: "2026-12-18" }];
    expect(decideNotice(told, { from: "2026-12-07", to: "2026-12-18" })).toMatchObject({
      send: true,
      change: "same",
      revision: 3,
    });
  });
});
