// The consent words recorded with a waitlist signup must be the words the banner showed: the
// theme's locale files (what Shopify renders with the `t` filter) and the app's table agree, for
// every language the storefront has.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { WAITLIST_TEXTS, waitlistTexts } from "./waitlist-texts";

const LOCALES = path.join(import.meta.dirname, "../../extensions/delay-desk-theme/locales");
const themeSchema = z.object({
  delay_desk: z.object({ waitlist: z.object({ consent: z.string() }) }),
});

function themeConsent(file: string): string {
  return themeSchema.parse(JSON.parse(readFileSync(path.join(LOCALES, file), "utf8"))).delay_desk
    .waitlist.consent;
}

describe("the waitlist's words", () => {
  it.each([
    ["en", "en.default.json"],
    ["fr", "fr.json"],
    ["de", "de.json"],
    ["es", "es.json"],
  ] as const)("records as consent (%s) exactly the sentence the banner shows", (language, file) => {
    expect(WAITLIST_TEXTS[language].consent).toBe(themeConsent(file));
  });

  it("speaks the storefront's language by its language part, and English for any other", () => {
    expect(waitlistTexts("fr-CA").language).toBe("fr");
    expect(waitlistTexts("pt-BR").language).toBe("en");
    expect(waitlistTexts(null).language).toBe("en");
  });
});
