// What the dashboard's counts line reads from /app/shop-counts' answer: the two counts when the
// answer holds them as the route sends them, nothing (a dash) for anything else.
import { describe, expect, it } from "vitest";
import { formatCount, readShopCountsAnswer } from "./shopify-counts";

const counts = {
  unshipped: { count: 48_123, precision: "EXACT" },
  partial: { count: 10_000, precision: "AT_LEAST" },
};

describe("readShopCountsAnswer", () => {
  it("reads the counts the route sends", () => {
    expect(readShopCountsAnswer({ counts })).toEqual(counts);
  });

  it("reads no counts from the route's 'Shopify could not count' and from anything malformed", () => {
    for (const body of [
      { counts: null },
      null,
      "counts",
      {},
      { counts: { unshipped: counts.unshipped } },
      { counts: { ...counts, partial: { count: -1, precision: "EXACT" } } },
      { counts: { ...counts, partial: { count: 1.5, precision: "EXACT" } } },
      { counts: { ...counts, partial: { count: "3", precision: "EXACT" } } },
      { counts: { ...counts, unshipped: { count: 3, precision: "ROUGHLY" } } },
    ])
      expect(readShopCountsAnswer(body)).toBeNull();
  });
});

describe("formatCount", () => {
  it("groups thousands and marks a count Shopify stopped at", () => {
    expect(formatCount({ count: 48_123, precision: "EXACT" })).toBe("48,123");
    expect(formatCount({ count: 10_000, precision: "AT_LEAST" })).toBe("10,000+");
  });
});
