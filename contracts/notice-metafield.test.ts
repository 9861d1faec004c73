// Tests for contracts/notice-metafield.ts, the contract the app writes and the storefront (the
// theme extension, and the simulator's rendering of it) reads.
import { describe, expect, it } from "vitest";
import {
  NOTICE_METAFIELD,
  noticeMetafieldInput,
  parseStorefrontNotice,
  type StorefrontNotice,
} from "./notice-metafield";

const updatedAt = "2026-11-23T09:30:00Z";
const delayed: StorefrontNotice = {
  version: 1,
  mode: "delayed",
  estimate: { min: 1, max: 2, unit: "weeks" },
  updatedAt,
};

describe("storefront notice metafield contract", () => {
  it("accepts the three modes, from an object or from the stored JSON string", () => {
    expect(parseStorefrontNotice(delayed)).toEqual(delayed);
    expect(parseStorefrontNotice(JSON.stringify(delayed))).toEqual(delayed);
    expect(parseStorefrontNotice({ version: 1, mode: "normal", updatedAt })).toEqual({
      version: 1,
      mode: "normal",
      updatedAt,
    });
    const paused = {
      version: 1,
      mode: "paused",
      pausedUntil: "2026-12-05",
      message: "Back soon",
      updatedAt,
    };
    expect(parseStorefrontNotice(paused)).toEqual(paused);
    expect(parseStorefrontNotice({ ...paused, pausedUntil: null })?.mode).toBe("paused");
  });

  // The merchant's "Waitlist while paused" switch (docs/waitlist.md): only `false` is written, and
  // a paused notice without the field (every notice written before it existed) still means "on".
  it("carries the waitlist switch on a paused notice, absent meaning on", () => {
    const paused = { version: 1, mode: "paused", pausedUntil: null, updatedAt } as const;
    expect(parseStorefrontNotice(paused)).toEqual(paused);
    expect(parseStorefrontNotice({ ...paused, waitlist: false })).toEqual({
      ...paused,
      waitlist: false,
    });
    expect(parseStorefrontNotice({ ...paused, waitlist: true })).toBeNull();
    expect(parseStorefrontNotice({ ...paused, waitlist: "off" })).toBeNull();
    // Only a pause offers the form, so the other modes do not take the field.
    expect(parseStorefrontNotice({ ...delayed, waitlist: false })).toBeNull();
  });

  it.each([
    ["not JSON", "{mode:"],
    ["an unknown mode", { ...delayed, mode: "closed" }],
    ["an unknown version", { ...delayed, version: 2 }],
    ["a delay without an estimate", { version: 1, mode: "delayed", updatedAt }],
    ["max below min", { ...delayed, estimate: { min: 3, max: 2, unit: "days" } }],
    ["a zero-day estimate", { ...delayed, estimate: { min: 0, max: 2, unit: "days" } }],
    [
      "a date that does not exist",
      { version: 1, mode: "paused", pausedUntil: "2026-02-30", updatedAt },
    ],
    [
      "a date-time instead of a date",
      { version: 1, mode: "paused", pausedUntil: "2026-12-05T00:00:00Z", updatedAt },
    ],
    ["an extra field (typo)", { ...delayed, pauseUntil: "2026-12-05" }],
    ["an empty message", { ...delayed, message: "   " }],
    ["a missing updatedAt", { version: 1, mode: "normal" }],
  ])("treats %s as no notice", (_label, value) => {
    expect(parseStorefrontNotice(value)).toBeNull();
  });

  it("builds the metafieldsSet input for the app installation", () => {
    const input = noticeMetafieldInput("gid://shopify/AppInstallation/42", delayed);
    expect(input).toEqual({
      ownerId: "gid://shopify/AppInstallation/42",
      namespace: NOTICE_METAFIELD.namespace,
      key: NOTICE_METAFIELD.key,
      type: "json",
      value: expect.any(String),
    });
    expect(JSON.parse(input.value)).toEqual(delayed);
  });

  it("refuses to build an input from an invalid notice", () => {
    expect(() =>
      noticeMetafieldInput("gid://shopify/AppInstallation/42", {
        ...delayed,
        estimate: { min: 5, max: 1, unit: "days" },
      }),
    ).toThrow();
  });
});
