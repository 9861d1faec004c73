// The admin's one time convention: instants on the shop's clock with the zone named, shop days as
// human dates, in the merchant's locale; never ISO, never UTC/GMT beside shop time.
import { describe, expect, it } from "vitest";
import { describeShopZone, formatShopDate, formatShopTime } from "./shop-time";

// U+202F (narrow no-break space) is what ICU puts before AM/PM; compared as a plain space.
const plain = (text: string) => text.replaceAll("\u202f", " ");

describe("shop time", () => {
  it("shows an instant on the shop's clock with its zone named, not in UTC", () => {
    expect(plain(formatShopTime("2026-12-01T14:00:00Z", "America/New_York"))).toBe(
      "Tue, Dec 1, 2026, 9:00 AM EST",
    );
    // The same instant in Paris is the afternoon, named CET; in summer New York is EDT.
    expect(plain(formatShopTime(new Date("2026-12-01T14:00:00Z"), "Europe/Paris"))).toBe(
      "Tue, Dec 1, 2026, 3:00 PM GMT+1",
    );
    expect(plain(formatShopTime("2026-07-01T14:00:00Z", "America/New_York"))).toBe(
      "Wed, Jul 1, 2026, 10:00 AM EDT",
    );
  });

  it("shows a shop day as a human date whatever the process zone, and in the merchant's locale", () => {
    expect(formatShopDate("2026-12-01")).toBe("Tue, Dec 1, 2026");
    expect(formatShopDate("2026-12-01", "fr")).toBe("mar. 1 déc. 2026");
    expect(() => formatShopDate("12/01/2026")).toThrow(RangeError);
  });

  it("names the zone by its IANA name and its short name then", () => {
    expect(describeShopZone("America/New_York", new Date("2026-12-01T12:00:00Z"))).toBe(
      "America/New_York (EST)",
    );
  });

  it("falls back to the merchant default for a locale Intl does not know", () => {
    expect(formatShopDate("2026-12-01", "zz-not-a-locale")).toBe("Tue, Dec 1, 2026");
  });
});
