import { describe, expect, it } from "vitest";
import { readPauseConfig } from "../../extensions/checkout-pause/src/pause-rule";
import { parseStorefrontNotice } from "../../contracts/notice-metafield";
import {
  checkoutMessage,
  estimateFromForecast,
  instantToLocalInput,
  isPauseDue,
  lastPausedDate,
  localInputToInstant,
  modeAfterPause,
  noticeFor,
  checkoutHoldNeeded,
  pauseConfigFor,
  type StorefrontSettings,
} from "./storefront-mode";

const NY = "America/New_York";
const now = new Date("2026-11-23T15:00:00Z");
const paused: StorefrontSettings = {
  mode: "paused",
  estimate: { min: 1, max: 2, unit: "weeks" },
  pausedUntil: new Date("2026-12-05T14:00:00Z"),
  message: "Thank you for waiting.",
  heldItems: [],
  waitlist: true,
};

describe("noticeFor", () => {
  it("writes notices the theme's contract accepts, for each mode", () => {
    const delayed = noticeFor({ ...paused, mode: "delayed" }, NY, now);
    expect(delayed).toEqual({
      version: 1,
      mode: "delayed",
      estimate: { min: 1, max: 2, unit: "weeks" },
      message: "Thank you for waiting.",
      updatedAt: "2026-11-23T15:00:00Z",
    });
    expect(noticeFor(paused, NY, now)).toMatchObject({ mode: "paused", pausedUntil: "2026-12-05" });
    expect(noticeFor({ ...paused, mode: "normal" }, NY, now)).toEqual({
      version: 1,
      mode: "normal",
      updatedAt: "2026-11-23T15:00:00Z",
    });
    for (const notice of [
      delayed,
      noticeFor(paused, NY, now),
      noticeFor({ ...paused, pausedUntil: null }, NY, now),
    ]) {
      expect(parseStorefrontNotice(JSON.stringify(notice))).toEqual(notice);
    }
  });

  it("refuses a delay without an estimate", () => {
    expect(() => noticeFor({ ...paused, mode: "delayed", estimate: null }, NY, now)).toThrow(
      /estimate/,
    );
  });
});

describe("pause end dates", () => {
  it("shows the shop-local date, and the day before for a pause that ends at midnight", () => {
    // 02:00 UTC on Dec 5 is still Dec 4 in New York.
    expect(lastPausedDate(new Date("2026-12-05T02:00:00Z"), NY)).toBe("2026-12-04");
    expect(lastPausedDate(new Date("2026-12-05T05:00:00Z"), NY)).toBe("2026-12-04"); // midnight Dec 5 in NY
    expect(lastPausedDate(new Date("2026-12-05T05:01:00Z"), NY)).toBe("2026-12-05");
  });

  it("converts the form's local time to an instant and back, refusing times that do not exist", () => {
    const instant = localInputToInstant("2026-12-05T09:00", NY);
    expect(instant?.toISOString()).toBe("2026-12-05T14:00:00.000Z");
    expect(instantToLocalInput(new Date("2026-12-05T14:00:00Z"), NY)).toBe("2026-12-05T09:00");
    expect(localInputToInstant("2027-03-14T02:30", NY)).toBeNull(); // spring-forward gap
    expect(localInputToInstant("2026-02-30T09:00", NY)).toBeNull();
    expect(localInputToInstant("tomorrow", NY)).toBeNull();
  });

  it("is due at its end instant, not before, and never without an end", () => {
    expect(isPauseDue(paused, new Date("2026-12-05T13:59:59Z"))).toBe(false);
    expect(isPauseDue(paused, new Date("2026-12-05T14:00:00Z"))).toBe(true);
    expect(isPauseDue({ ...paused, pausedUntil: null }, new Date("2099-01-01T00:00:00Z"))).toBe(
      false,
    );
    expect(isPauseDue({ ...paused, mode: "delayed" }, new Date("2099-01-01T00:00:00Z"))).toBe(
      false,
    );
  });
});

describe("pauseConfigFor", () => {
  it("carries what is paused on its own, the collections also as the input query's variable", () => {
    const heldItems = [
      { kind: "product" as const, id: "gid://shopify/Product/10", title: "Bifold wallet" },
      { kind: "collection" as const, id: "gid://shopify/Collection/7", title: "Wallets" },
    ];
    const open = { ...paused, mode: "normal" as const, pausedUntil: null, heldItems };
    const config = pauseConfigFor(open, NY);
    expect(config).toMatchObject({
      paused: false,
      heldItems,
      heldCollectionIds: ["gid://shopify/Collection/7"],
    });
    expect(readPauseConfig(config)).toEqual(config);
    // The validation must run while anything is held, and only then.
    expect(checkoutHoldNeeded(config)).toBe(true);
    expect(checkoutHoldNeeded(pauseConfigFor({ ...open, heldItems: [] }, NY))).toBe(false);
    expect(checkoutHoldNeeded(pauseConfigFor(paused, NY))).toBe(true);
  });

  it("gives the Function a config it accepts, with the local end and the shop's message", () => {
    const config = pauseConfigFor(paused, NY, ["gid://shopify/Product/1"]);
    expect(config).toEqual({
      version: 1,
      paused: true,
      pausedUntilLocal: "2026-12-05T09:00:00",
      message:
        "We have paused new orders until December 5, 2026 so we can catch up on the ones we have. Thank you for waiting.",
      exemptProductIds: ["gid://shopify/Product/1"],
      heldItems: [],
      heldCollectionIds: [],
    });
    expect(readPauseConfig(config)).toEqual(config);
    expect(
      readPauseConfig(pauseConfigFor({ ...paused, mode: "normal", pausedUntil: null }, NY)),
    ).toMatchObject({ paused: false, pausedUntilLocal: "9999-12-31T23:59:59" });
  });

  it("keeps the message within the Function's limit", () => {
    const long = checkoutMessage({ ...paused, message: "x".repeat(280) }, NY);
    expect(long).toHaveLength(280);
    expect(
      readPauseConfig(pauseConfigFor({ ...paused, message: "x".repeat(280) }, NY)),
    ).not.toBeNull();
  });
});

describe("estimateFromForecast", () => {
  it("uses days up to two weeks, then whole weeks rounded outwards", () => {
    expect(estimateFromForecast("2026-11-23", "2026-11-27", "2026-12-02")).toEqual({
      min: 4,
      max: 9,
      unit: "days",
    });
    expect(estimateFromForecast("2026-11-23", "2026-12-03", "2026-12-15")).toEqual({
      min: 1,
      max: 4,
      unit: "weeks",
    });
    expect(estimateFromForecast("2026-11-23", "2026-11-23", "2026-11-23")).toEqual({
      min: 1,
      max: 1,
      unit: "days",
    });
    expect(estimateFromForecast("2026-11-23", null, null)).toBeNull();
  });
});

describe("modeAfterPause", () => {
  it("returns to a delay only when its estimate is still known", () => {
    expect(modeAfterPause("delayed", { min: 1, max: 2, unit: "weeks" })).toBe("delayed");
    expect(modeAfterPause("delayed", null)).toBe("normal");
    expect(modeAfterPause("normal", { min: 1, max: 2, unit: "weeks" })).toBe("normal");
    expect(modeAfterPause(undefined, null)).toBe("normal");
  });
});
