// The shop's day for the daily limits and the audit. Zones from the IANA tz database (the one
// Intl and luxon read); Shopify names the shop's zone in Shop.ianaTimezone
// (https://shopify.dev/docs/api/admin-graphql/latest/objects/Shop#field-Shop.fields.ianaTimezone).
import { describe, expect, it } from "vitest";
import { shopDayOf, startOfShopDay } from "./shop-day";

describe("startOfShopDay", () => {
  it("starts the day at the shop's midnight, behind UTC and ahead of it", () => {
    // 23:30 on 30 November in Los Angeles (PST, UTC-8) is 07:30 UTC on 1 December.
    expect(startOfShopDay(new Date("2026-12-01T07:30:00Z"), "America/Los_Angeles")).toEqual(
      new Date("2026-11-30T08:00:00Z"),
    );
    expect(startOfShopDay(new Date("2026-12-01T08:30:00Z"), "America/Los_Angeles")).toEqual(
      new Date("2026-12-01T08:00:00Z"),
    );
    // Auckland (NZDT, UTC+13): 12:00 UTC on 1 December is already 2 December there.
    expect(startOfShopDay(new Date("2026-12-01T12:00:00Z"), "Pacific/Auckland")).toEqual(
      new Date("2026-12-01T11:00:00Z"),
    );
  });

  it("keeps a day that is 23 hours long (clocks go forward) whole", () => {
    // 8 March 2026, New York: midnight is EST (UTC-5), the evening EDT (UTC-4).
    expect(startOfShopDay(new Date("2026-03-09T03:30:00Z"), "America/New_York")).toEqual(
      new Date("2026-03-08T05:00:00Z"),
    );
  });

  it("names the shop's calendar date, not UTC's", () => {
    expect(shopDayOf(new Date("2026-12-01T07:30:00Z"), "America/Los_Angeles")).toBe("2026-11-30");
    expect(shopDayOf(new Date("2026-12-01T12:00:00Z"), "Pacific/Auckland")).toBe("2026-12-02");
  });

  it("refuses a zone that is not one", () => {
    expect(() => startOfShopDay(new Date(), "Mars/Olympus")).toThrow(RangeError);
  });
});
