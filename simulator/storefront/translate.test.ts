import { describe, expect, it } from "vitest";
import type { Translations } from "./extension-files.js";
import { translate } from "./translate.js";

const tables = new Map<string, Translations>([
  [
    "en",
    {
      a: {
        hello: "Hello {{ name }}",
        days: { one: "{{ count }} day", other: "{{ count }} days" },
        only_en: "English",
        link_html: "<b>{{ x }}</b>",
      },
    },
  ],
  [
    "fr",
    {
      a: {
        hello: "Bonjour {{ name }}",
        days: { one: "{{ count }} jour", other: "{{ count }} jours" },
      },
    },
  ],
]);
const en = { locale: "en", defaultLocale: "en", tables };
const fr = { locale: "fr", defaultLocale: "en", tables };

describe("translate (Shopify's t filter)", () => {
  it("interpolates and escapes HTML unless the key ends in _html", () => {
    expect(translate("a.hello", { name: "<Dawn>" }, en)).toBe("Hello &lt;Dawn&gt;");
    expect(translate("a.link_html", { x: "ok" }, en)).toBe("<b>ok</b>");
  });

  it("picks the plural form with the locale's rules", () => {
    expect(translate("a.days", { count: 1 }, en)).toBe("1 day");
    expect(translate("a.days", { count: 2 }, en)).toBe("2 days");
    // French treats 0 as singular; English does not.
    expect(translate("a.days", { count: 0 }, fr)).toBe("0 jour");
    expect(translate("a.days", { count: 0 }, en)).toBe("0 days");
  });

  it("falls back to the default locale, and throws when the key exists nowhere", () => {
    expect(translate("a.only_en", {}, fr)).toBe("English");
    expect(() => translate("a.nope", {}, fr)).toThrow("translation missing: fr.a.nope");
  });

  it("throws on a missing interpolation value instead of printing the placeholder", () => {
    expect(() => translate("a.hello", {}, en)).toThrow(/needs "name"/);
  });
});
