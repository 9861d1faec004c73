// Money as decimal strings, added in integer thousandths: floats would make 0.10 + 0.20 a lie on a
// confirmation page that asks staff to approve an exact sum. Thousandths, not cents, because a
// currency may have three decimals (KWD, BHD, …) or none (JPY); Shopify's Money/Decimal strings
// carry the currency's own decimals (e.g. "84.5", "1200.0", "12.345").
// Every amount is in one currency; which one is the caller's to know (shop money for the merchant,
// presentment money for the buyer and for refunds).

const SCALE = 1000;

export function toMinorUnits(amount: string): number {
  const match = /^(-)?(\d+)(?:\.(\d{1,3})\d*)?$/.exec(amount.trim());
  if (!match) throw new Error(`Not a money amount: ${amount}`);
  const units = Number(match[2]) * SCALE + Number((match[3] ?? "0").padEnd(3, "0"));
  return match[1] ? -units : units;
}

/** A decimal string with at least two decimals, three when the thousandths are not zero. */
export function fromMinorUnits(units: number): string {
  const sign = units < 0 ? "-" : "";
  const abs = Math.abs(Math.round(units));
  const fraction = String(abs % SCALE).padStart(3, "0");
  return `${sign}${Math.floor(abs / SCALE)}.${fraction.endsWith("0") ? fraction.slice(0, 2) : fraction}`;
}

export function sumMoney(amounts: ReadonlyArray<string | null>): string {
  return fromMinorUnits(
    amounts.reduce((sum, amount) => sum + (amount ? toMinorUnits(amount) : 0), 0),
  );
}

export const isZeroMoney = (amount: string): boolean => toMinorUnits(amount) === 0;

/** `candidate` if Intl can format for it, else `fallback`: a bad locale tag must not break a page. */
export function usableLocale(candidate: string | null | undefined, fallback = "en"): string {
  if (!candidate) return fallback;
  try {
    return Intl.NumberFormat.supportedLocalesOf([candidate]).length > 0 ? candidate : fallback;
  } catch {
    return fallback;
  }
}

// Building an Intl.NumberFormat costs far more than formatting with one (a notice job formats an
// amount per mail): one per locale and currency, kept. An unknown pair throws and is not kept.
const currencyFormats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    if (currencyFormats.size > 500) currencyFormats.clear();
    currencyFormats.set(key, format);
  }
  return format;
}

/**
 * An amount for people to read, in its currency's own symbol and decimals ("$84.50", "CA$112.00",
 * "84,50 €" in German), never a hard-coded "$". `locale` is the reader's: the admin's for staff,
 * the buyer's for customers.
 */
export function formatMoney(amount: string, currencyCode: string, locale = "en"): string {
  const value = toMinorUnits(amount) / SCALE;
  try {
    return currencyFormat(locale, currencyCode).format(value);
  } catch {
    // An unknown locale or currency code still shows the amount and the code.
    return `${amount} ${currencyCode}`;
  }
}
