import { describe, expect, it } from "vitest";
import { parseLocalDate } from "../promise/local-date";
import { nextAction } from "./next-action";

const outlook = {
  promise: parseLocalDate("2026-12-08"),
  conservative: parseLocalDate("2026-12-21"),
};

describe("nextAction", () => {
  it("asks to pause first when new orders cannot be kept, even with overdue orders", () => {
    const action = nextAction({
      counts: { overdue: 32, at_risk: 5, on_track: 1 },
      cannotKeepPromise: true,
      newOrders: outlook,
      storefrontPaused: false,
    });
    expect(action.kind).toBe("pause");
    expect(action.detail).toContain("2026-12-21");
  });

  it("moves on to the overdue orders once sales are paused", () => {
    const action = nextAction({
      counts: { overdue: 32, at_risk: 5, on_track: 1 },
      cannotKeepPromise: true,
      newOrders: outlook,
      storefrontPaused: true,
    });
    expect(action).toMatchObject({
      kind: "tell-overdue",
      count: 32,
      title: "32 orders are overdue: tell them",
    });
  });

  it("warns about at-risk orders when none is overdue, and is quiet when all is well", () => {
    expect(
      nextAction({
        counts: { overdue: 0, at_risk: 1, on_track: 3 },
        cannotKeepPromise: false,
        newOrders: outlook,
        storefrontPaused: false,
      }),
    ).toMatchObject({
      kind: "warn-at-risk",
      title: "1 order may miss the promise: warn them now",
    });
    expect(
      nextAction({
        counts: { overdue: 0, at_risk: 0, on_track: 3 },
        cannotKeepPromise: false,
        newOrders: outlook,
        storefrontPaused: false,
      }).kind,
    ).toBe("all-clear");
    expect(
      nextAction({
        counts: { overdue: 0, at_risk: 0, on_track: 0 },
        cannotKeepPromise: true,
        newOrders: null,
        storefrontPaused: false,
      }).kind,
    ).toBe("none");
  });
});
