// The rhythm of updates, pure: who may hear again, and when.
import { describe, expect, it } from "vitest";
import { cadenceAllows, nextUpdateDue } from "./cadence";

const toldAt = new Date("2026-11-24T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("cadenceAllows", () => {
  it("holds a same-date update inside the window and lets it go when the window is up", () => {
    const rhythm = { cadenceDays: 7, lastToldAt: toldAt, choice: null };
    expect(cadenceAllows("same", { ...rhythm, now: at("2026-11-24T12:02:00Z") })).toMatchObject({
      ok: false,
      code: "too-soon",
      nextDueAt: at("2026-12-01T12:00:00Z"),
      reason: expect.stringMatching(/^Told less than a day ago; the next update is due 2026-12-01/),
    });
    expect(cadenceAllows("same", { ...rhythm, now: at("2026-12-01T11:59:59Z") }).ok).toBe(false);
    expect(cadenceAllows("same", { ...rhythm, now: at("2026-12-01T12:00:00Z") }).ok).toBe(true);
  });

  it("lets a later date go at once, holds an earlier one for the window (good news is never urgent)", () => {
    const rhythm = { cadenceDays: 7, lastToldAt: toldAt, choice: "wait" as const };
    const now = at("2026-11-25T09:00:00Z");
    expect(cadenceAllows("later", { ...rhythm, now }).ok).toBe(true);
    expect(cadenceAllows("earlier", { ...rhythm, now })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Told less than a day ago/),
    });
  });

  it("tells a cancelled customer nothing more, whatever the date does", () => {
    for (const change of ["first", "same", "later", "earlier"] as const)
      expect(
        cadenceAllows(change, {
          cadenceDays: 7,
          lastToldAt: toldAt,
          choice: "cancel",
          now: at("2027-01-01T00:00:00Z"),
        }),
      ).toMatchObject({ ok: false, code: "cancelled" });
  });

  it("holds even a first notice while another job's notice to the order is on its way", () => {
    expect(
      cadenceAllows("first", { cadenceDays: 7, lastToldAt: toldAt, choice: null, now: toldAt }).ok,
    ).toBe(false);
    expect(
      cadenceAllows("first", { cadenceDays: 7, lastToldAt: null, choice: null, now: toldAt }).ok,
    ).toBe(true);
  });

  it("follows the shop's cadence", () => {
    expect(nextUpdateDue(toldAt, 3)).toEqual(at("2026-11-27T12:00:00Z"));
    expect(
      cadenceAllows("same", {
        cadenceDays: 3,
        lastToldAt: toldAt,
        choice: null,
        now: at("2026-11-27T12:00:00Z"),
      }).ok,
    ).toBe(true);
  });
});
