import { describe, expect, it } from "vitest";
import { formatMoney, fromMinorUnits, sumMoney, toMinorUnits, usableLocale } from "./money";

describe("money", () => {
  it("adds decimal strings exactly, in the currency's own decimals", () => {
    expect(sumMoney(["0.10", "0.20", null, "1"])).toBe("1.30");
    expect(toMinorUnits("12.5")).toBe(12_500);
    // Three-decimal currencies (KWD) keep their third digit; zero-decimal ones (JPY) come as "1200.0".
    expect(sumMoney(["1.005", "2.010"])).toBe("3.015");
    expect(sumMoney(["1200.0", "300.0"])).toBe("1500.00");
    expect(fromMinorUnits(-2_500)).toBe("-2.50");
    expect(() => toMinorUnits("12,50")).toThrow();
  });

  it("formats with the currency's symbol and the reader's locale, never a hard-coded $", () => {
    expect(formatMoney("84.5", "USD", "en-US")).toBe("$84.50");
    expect(formatMoney("112", "CAD", "en-US")).toBe("CA$112.00");
    expect(formatMoney("112", "CAD", "en-CA")).toBe("$112.00");
    expect(formatMoney("84.5", "EUR", "de-DE")).toBe("84,50\u00a0€");
    expect(formatMoney("1200.0", "JPY", "en-US")).toBe("¥1,200");
    // A malformed code (not three letters) still shows the amount and the code.
    expect(formatMoney("5", "US", "en")).toBe("5 US");
  });
});

describe("usableLocale", () => {
  it("keeps a locale Intl can format for and falls back on a malformed one", () => {
    expect(usableLocale("fr-CA")).toBe("fr-CA");
    expect(usableLocale("not a locale!")).toBe("en");
    expect(usableLocale(null, "en-US")).toBe("en-US");
  });
});
