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
  return new Intl.DateTimeFormat(usable(locale), {
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
  return new Intl.DateTimeFormat(usable(locale), {
    timeZone: "UTC",
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(day);
}

/** "America/New_York (EST)": the shop's zone by its IANA name and its short name then. */
export function describeShopZone(timeZone: string, at: Date, locale = MERCHANT_LOCALE): string {
  const short = new Intl.DateTimeFormat(usable(locale), { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return short && short !== timeZone ? `${timeZone} (${short})` : timeZone;
}
