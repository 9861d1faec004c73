// Which language and formats a customer gets. Order.customerLocale is "the customer's language and
// region preference at the time of purchase", e.g. "en", "fr-CA", "es-MX"
// (https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-customerLocale); the
// fallback is the shop's primary locale (https://shopify.dev/docs/api/admin-graphql/latest/queries/shopLocales).
import { describe, expect, it } from "vitest";
import { consentParagraph } from "../consent/consent-wording";
import { formatMoney } from "../jobs/money";
import { parseLocalDate } from "../promise/local-date";
import { formatShopDay, timeZoneName } from "./format";
import { canonicalLocale, customerLocale } from "./language";

describe("customerLocale", () => {
  it("keeps a language Delay Desk writes, with its region for formats", () => {
    expect(customerLocale("fr-CA", "en")).toEqual({
      language: "fr",
      locale: "fr-CA",
      source: "customer",
    });
    expect(customerLocale("es-MX", "en").language).toBe("es");
    expect(customerLocale("DE", "en")).toMatchObject({ language: "de", locale: "de" });
  });

  it("falls back to the shop's primary locale for a language without texts, then English", () => {
    expect(customerLocale("pt-BR", "fr")).toEqual({
      language: "fr",
      locale: "fr",
      source: "shop-primary",
    });
    expect(customerLocale("pt-BR", "ja")).toEqual({
      language: "en",
      locale: "en",
      source: "default",
    });
    expect(customerLocale(null, null).language).toBe("en");
  });

  it("never throws on strings that are not locales", () => {
    for (const bad of ["not a locale!", "", "   ", "zz-ZZ-ZZ-ZZ-1234567890", "fr_CA", "💥"]) {
      expect(() => customerLocale(bad, "de")).not.toThrow();
    }
    expect(customerLocale("not a locale!", "de").language).toBe("de");
    expect(canonicalLocale("fr_CA")).toBe("fr-CA");
  });
});

describe("formats for the reader", () => {
  it("says a shop day in each language", () => {
    expect(formatShopDay("2026-12-18", "en")).toBe("Friday 18 December");
    expect(formatShopDay("2026-12-18", "en-US")).toBe("Friday 18 December");
    expect(formatShopDay("2026-12-18", "fr")).toBe("vendredi 18 décembre");
    expect(formatShopDay("2026-12-18", "de")).toBe("Freitag, 18. Dezember");
    expect(formatShopDay("2026-12-18", "es")).toBe("viernes 18 de diciembre");
  });

  it("formats money for the locale: 1 234,50 € in French, €1,234.50 in English", () => {
    expect(formatMoney("1234.50", "EUR", "fr")).toBe("1\u202f234,50\u00a0€");
    expect(formatMoney("1234.50", "EUR", "en")).toBe("€1,234.50");
    expect(formatMoney("1234.50", "EUR", "de")).toBe("1.234,50\u00a0€");
  });

  it("names the shop's time zone in the reader's language", () => {
    const at = new Date("2026-12-01T12:00:00Z");
    expect(timeZoneName("America/New_York", "en", at)).toBe("Eastern Time");
    expect(timeZoneName("America/New_York", "fr", at)).toBe("heure de l’Est nord-américain");
    expect(timeZoneName("Not/A_Zone", "fr", at)).toBe("Not/A_Zone");
  });

  it("the consent paragraph asks for the yes in German, with the deadline and the shop's zone", () => {
    const text = consentParagraph(
      {
        kind: "yes",
        reason: "long",
        deadline: parseLocalDate("2026-12-18"),
        delayDays: 40,
        revisedDate: parseLocalDate("2027-01-10"),
      },
      "Ich warte gern",
      { language: "de", locale: "de", timeZone: "Europe/Berlin", at: new Date("2026-12-01") },
    );
    expect(text).toContain(
      "Da sich die Lieferung um mehr als 30 Tage verzögert, brauchen wir Ihre Zustimmung",
    );
    expect(text).toContain(
      "bis Freitag, 18. Dezember (Mitteleuropäische Zeit) auf „Ich warte gern“",
    );
    expect(text).toContain("erstatten Ihnen den vollen Betrag, Versand inbegriffen");
  });
});
