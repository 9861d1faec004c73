import { describe, expect, it } from "vitest";
import { parseModeForm } from "./mode-form";

const NY = "America/New_York";
const now = new Date("2026-11-23T15:00:00Z");
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

describe("parseModeForm", () => {
  it("accepts the dashboard's one-button pause exactly as it posts it", () => {
    expect(parseModeForm(form({ intent: "paused", source: "dashboard" }), NY, now)).toEqual({
      ok: true,
      request: { intent: "paused", source: "dashboard", pausedUntil: null, message: null },
    });
  });

  it("reads the pause end in the shop's zone and refuses a past one, keeping what was typed", () => {
    const ok = parseModeForm(
      form({ intent: "paused", until: "2026-12-05T09:00", message: " Back soon. " }),
      NY,
      now,
    );
    expect(ok).toEqual({
      ok: true,
      request: {
        intent: "paused",
        source: "storefront",
        pausedUntil: new Date("2026-12-05T14:00:00Z"),
        message: "Back soon.",
      },
    });
    const past = parseModeForm(
      form({ intent: "paused", until: "2026-11-23T09:00", message: "Back soon." }),
      NY,
      now,
    );
    expect(past).toEqual({
      ok: false,
      errors: { until: expect.stringMatching(/future/) },
      values: { intent: "paused", until: "2026-11-23T09:00", message: "Back soon." },
    });
  });

  it("gives one clear error per delayed field", () => {
    const result = parseModeForm(
      form({ intent: "delayed", estimateMin: "3", estimateMax: "2", estimateUnit: "weeks" }),
      NY,
      now,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: { estimateMax: "The longest wait must be at least the shortest." },
    });
    const missing = parseModeForm(
      form({ intent: "delayed", estimateMin: "", estimateMax: "x", estimateUnit: "months" }),
      NY,
      now,
    );
    expect(missing).toMatchObject({
      ok: false,
      errors: {
        estimateMin: "Enter the shortest wait.",
        estimateMax: "Enter the longest wait as a number.",
        estimateUnit: "Choose days or weeks.",
      },
    });
  });

  it("parses a delay", () => {
    expect(
      parseModeForm(
        form({
          intent: "delayed",
          estimateMin: "1",
          estimateMax: "2",
          estimateUnit: "weeks",
          message: "",
        }),
        NY,
        now,
      ),
    ).toEqual({
      ok: true,
      request: {
        intent: "delayed",
        source: "storefront",
        estimate: { min: 1, max: 2, unit: "weeks" },
        message: null,
        overrideReason: null,
      },
    });
  });

  it("takes an override of the forecast only with a reason, and ignores a reason without the tick", () => {
    const delay = { intent: "delayed", estimateMin: "1", estimateMax: "2", estimateUnit: "weeks" };
    expect(parseModeForm(form({ ...delay, override: "on" }), NY, now)).toEqual({
      ok: false,
      errors: {
        overrideReason:
          "Say why you are showing a shorter wait than the forecast; the reason is logged.",
      },
      values: expect.objectContaining({ override: "on", estimateMax: "2" }),
    });
    expect(
      parseModeForm(form({ ...delay, override: "on", overrideReason: " New maker. " }), NY, now),
    ).toMatchObject({ ok: true, request: { overrideReason: "New maker." } });
    expect(parseModeForm(form({ ...delay, overrideReason: "Not ticked" }), NY, now)).toMatchObject({
      ok: true,
      request: { overrideReason: null },
    });
  });

  it("refuses an unknown intent or a message over 280 characters", () => {
    expect(parseModeForm(form({ intent: "closed" }), NY, now)).toMatchObject({
      ok: false,
      errors: { intent: "Choose normal, delayed or paused." },
    });
    expect(
      parseModeForm(form({ intent: "paused", message: "x".repeat(281) }), NY, now),
    ).toMatchObject({ ok: false, errors: { message: expect.stringMatching(/280/) } });
  });
});
