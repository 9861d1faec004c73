import { describe, expect, it } from "vitest";
import { needsRefresh, pairFromAnswer, REFRESH_MARGIN_MS } from "./offline-token";

describe("needsRefresh", () => {
  const now = Date.UTC(2026, 11, 1, 9, 0, 0);
  it("is false for a token that never expires and for one with more than 5 minutes left", () => {
    expect(needsRefresh(undefined, now)).toBe(false);
    expect(needsRefresh(new Date(now + REFRESH_MARGIN_MS + 1), now)).toBe(false);
  });
  it("is true from 5 minutes before expiry on, and after it", () => {
    expect(needsRefresh(new Date(now + REFRESH_MARGIN_MS), now)).toBe(true);
    expect(needsRefresh(new Date(now - 1), now)).toBe(true);
  });
});

describe("pairFromAnswer", () => {
  it("turns expires_in and refresh_token_expires_in into instants from now", () => {
    const now = Date.UTC(2026, 11, 1, 9, 0, 0);
    const pair = pairFromAnswer(
      {
        access_token: "a",
        scope: "read_orders",
        expires_in: 3600,
        refresh_token: "r",
        refresh_token_expires_in: 7_776_000,
      },
      now,
    );
    expect(pair.expires.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(pair.refreshTokenExpires.toISOString()).toBe("2027-03-01T09:00:00.000Z");
  });
});
