// The one time convention of the admin pages (issue 14 point 7): every instant is shown on the
// shop's clock, with its zone named ("Tue, Dec 1, 2026, 9:00 AM EST"), and every shop-local day
// as a human date ("Tue, Dec 1, 2026"), through Intl in the merchant's locale: never ISO, never
// UTC or GMT beside shop time. The shop's zone is Shopify's (`shop { ianaTimezone }`), as the
// settings keep it. Pure; format.ts keeps the customers' own wording of days.

export const MERCHANT_LOCALE = "en-US";

function usable(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : MERCHANT_LOCALE;
  } catch {
    return MERCHANT_LOCALE;
  }
}

// Building an Intl.DateTimeFormat (and checking its locale) costs far more than using one: the
// orders page formats four dates a row, 200 a page, on the server and again as it hydrates, and
// 400 such formats took 80 ms built one by one against 22 ms through kept formatters (Node 22, a
// loaded machine). One formatter per kind, zone and locale is kept; the map is bounded, since
// the locale comes from the request.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(
  kind: string,
  locale: string,
  options: Intl.DateTimeFormatOptions & { timeZone: string },
): Intl.DateTimeFormat {
  const key = `${kind}\u0000${options.timeZone}\u0000${locale}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(usable(locale), options);
    if (formats.size >= 500) formats.clear();
    formats.set(key, format);
  }
  return format;
}

function toDate(instant: Date | string): Date {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  return date;
}

/** "Tue, Dec 1, 2026, 9:00 AM EST": an instant on the shop's clock, its zone named. */
export function formatShopTime(
  instant: Date | string,
  timeZone: string,
  locale = MERCHANT_LOCALE,
): string {
  return formatter("time", locale, {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(toDate(instant));
}

/** "Tue, Dec 1, 2026": a day of the shop's calendar (YYYY-MM-DD, already shop-local). */
export function formatShopDate(date: string, locale = MERCHANT_LOCALE): string {
  const day = new Date(`${date}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day.getTime()))
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return formatter("date", locale, {
    timeZone: "UTC",
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(day);
}

/** "America/New_York (EST)": the shop's zone by its IANA name and its short name then. */
export function describeShopZone(timeZone: string, at: Date, locale = MERCHANT_LOCALE): string {
  const short = formatter("zone", locale, { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}
