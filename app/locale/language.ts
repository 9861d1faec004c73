// Which language a customer is written to, from the order's `customerLocale` ("The customer's
// language and region preference at the time of purchase", e.g. "en", "fr-CA", "es-MX":
// https://shopify.dev/docs/api/admin-graphql/latest/objects/Order#field-customerLocale) and the
// shop's primary locale (`shopLocales` with `primary: true`:
// https://shopify.dev/docs/api/admin-graphql/latest/queries/shopLocales). Texts are kept per
// language (the subtag before the region); dates and money are formatted for the full tag, so a
// Canadian French customer reads French words with Canadian number formats.

/** The languages Delay Desk writes itself (default notices, the wait-or-refund page). */
export const CUSTOMER_LANGUAGES = ["en", "fr", "de", "es"] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<CustomerLanguage, string> = {
  en: "English",
  fr: "French (français)",
  de: "German (Deutsch)",
  es: "Spanish (español)",
};

export function isCustomerLanguage(value: string): value is CustomerLanguage {
  return CUSTOMER_LANGUAGES.some((language) => language === value);
}

/** The canonical BCP 47 tag ("FR-ca" → "fr-CA"), or null for anything Intl cannot read. */
export function canonicalLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replaceAll("_", "-"));
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** "fr" for "fr-CA"; null for a tag Intl cannot read. */
export function languageOf(tag: string | null | undefined): string | null {
  const canonical = canonicalLocale(tag);
  if (!canonical) return null;
  try {
    return new Intl.Locale(canonical).language;
  } catch {
    return null;
  }
}

export interface CustomerLocale {
  /** The language the words are in. */
  language: CustomerLanguage;
  /** The tag dates and money are formatted for: the customer's own when it is in `language`. */
  locale: string;
  /** How it was chosen, for the merchant's records. */
  source: "customer" | "shop-primary" | "default";
}

/**
 * The customer's language, else the shop's primary locale, else English. A region the texts do
 * not distinguish (fr-CA) uses its language (fr); a language with no texts (pt-BR) or a tag that
 * is not a locale at all falls back to the shop's primary.
 */
export function customerLocale(
  orderLocale: string | null | undefined,
  shopPrimaryLocale: string | null | undefined,
): CustomerLocale {
  const own = languageOf(orderLocale);
  if (own && isCustomerLanguage(own))
    return { language: own, locale: canonicalLocale(orderLocale) ?? own, source: "customer" };
  const primary = languageOf(shopPrimaryLocale);
  if (primary && isCustomerLanguage(primary))
    return {
      language: primary,
      locale: canonicalLocale(shopPrimaryLocale) ?? primary,
      source: "shop-primary",
    };
  return { language: "en", locale: "en", source: "default" };
}
