// Dates and time zones as a customer reads them, through Intl for their locale. Shop days are
// plain YYYY-MM-DD strings already in the shop's calendar, so they are formatted as UTC days
// (no shift); the shop's time zone is named where a deadline depends on it.

/**
 * "Friday 18 December", "vendredi 18 décembre", "Freitag, 18. Dezember", "viernes, 18 de
 * diciembre". English keeps one style for every region (the wording the notices always used).
 */
export function formatShopDay(date: string, locale: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime()))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  const tag = locale === "en" || locale.startsWith("en-") ? "en-GB" : locale;
  try {
    const said = shopDayFormat(tag).format(day);
    // Spanish prose says "el viernes 18 de diciembre"; Intl's comma belongs to a date on its own.
    return tag === "es" || tag.startsWith("es-") ? said.replace(", ", " ") : said;
  } catch {
    return shopDayFormat("en-GB").format(day);
  }
}

const SHOP_DAY_OPTIONS = {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
} as const;
// Building an Intl.DateTimeFormat costs far more than using one (a notice job formats a few dates
// per notice: 3.7 % of a notices bench profile), so one per locale tag is kept.
const shopDayFormats = new Map<string, Intl.DateTimeFormat>();
function shopDayFormat(tag: string): Intl.DateTimeFormat {
  let format = shopDayFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, SHOP_DAY_OPTIONS);
    if (shopDayFormats.size > 200) shopDayFormats.clear();
    shopDayFormats.set(tag, format);
  }
  return format;
}

/** The shop's time zone as the reader's language names it ("Eastern Time", "heure de l’Est"). */
export function timeZoneName(timeZone: string, locale: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      timeZone,
      timeZoneName: "longGeneric",
    }).formatToParts(at);
    return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
