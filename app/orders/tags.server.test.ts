import { describe, expect, it } from "vitest";
import { AT_RISK_TAG, OVERDUE_TAG, tagChanges, wantedTags } from "./tags.server";

describe("order tags", () => {
  it("want one tag per late class, none otherwise or when the setting is off", () => {
    expect(wantedTags("overdue", true)).toEqual([OVERDUE_TAG]);
    expect(wantedTags("at_risk", true)).toEqual([AT_RISK_TAG]);
    expect(wantedTags("on_track", true)).toEqual([]);
    expect(wantedTags("done", true)).toEqual([]);
    expect(wantedTags("overdue", false)).toEqual([]);
  });

  it("change only Delay Desk's tags, and only when they differ", () => {
    expect(tagChanges(["gift"], [AT_RISK_TAG])).toEqual({ add: [AT_RISK_TAG], remove: [] });
    expect(tagChanges(["gift", AT_RISK_TAG], [OVERDUE_TAG])).toEqual({
      add: [OVERDUE_TAG],
      remove: [AT_RISK_TAG],
    });
    expect(tagChanges(["gift", OVERDUE_TAG], [OVERDUE_TAG])).toEqual({ add: [], remove: [] });
    expect(tagChanges(["Delay-Desk:Overdue", "delay-desk:other"], [])).toEqual({
      add: [],
      remove: [OVERDUE_TAG],
    });
  });
});
