// Money in two currencies, as Shopify keeps it for a multi-currency order: the buyer pays in the
// order's presentment currency, and every amount is also reported in the shop's currency (MoneyBag
// `presentmentMoney` / `shopMoney`; https://shopify.dev/docs/api/admin-graphql/latest/objects/MoneyBag).
// The simulator stores an order's amounts in presentment minor units (cents): that is the currency
// money moves in (payments, refunds: RefundInput.currency "must be the presentment currency") and
// converts to the shop's currency at the order's exchange rate on the way out.
// Only two-decimal currencies are seeded (USD, CAD, EUR), so "cents" are hundredths of a unit.

export interface OrderCurrencies {
  /** The shop's currency when the order was placed (Order.currencyCode). */
  readonly shop: string;
  /** The buyer's currency (Order.presentmentCurrencyCode). */
  readonly presentment: string;
  /** Presentment units per shop unit, fixed when the order was placed (1 when they are the same). */
  readonly presentmentPerShop: number;
}

export function singleCurrency(code: string): OrderCurrencies {
  return { shop: code, presentment: code, presentmentPerShop: 1 };
}

export const isMultiCurrency = (currencies: OrderCurrencies): boolean =>
  currencies.shop !== currencies.presentment;

/** A presentment amount in the shop's currency, at the order's rate, to the cent. */
export function toShopCents(presentmentCents: number, currencies: OrderCurrencies): number {
  if (!isMultiCurrency(currencies)) return presentmentCents;
  return Math.round(presentmentCents / currencies.presentmentPerShop);
}

/**
 * A catalogue price (shop currency) as a buyer in another currency sees it. Shopify's price
 * rounding ("Price rounding" in Markets preferences) rounds converted product prices and shipping
 * rates "to the most common denominator for each currency"
 * (https://help.shopify.com/en/manual/international/pricing/rounding); the simulator plays it as
 * rounding up to the next whole unit, the usual ending for USD, CAD and EUR.
 */
export function toPresentmentPrice(shopCents: number, currencies: OrderCurrencies): number {
  if (!isMultiCurrency(currencies) || shopCents === 0) return shopCents;
  return Math.ceil((shopCents * currencies.presentmentPerShop) / 100) * 100;
}

/** An amount as the simulator's messages name it: "$84.50" for USD (Shopify's wording), "CA$84.50". */
export function describeMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

/**
 * Order.customerLocale, "The customer's language and region preference at the time of purchase"
 * (e.g. "en", "fr-CA"), as the seeded buyers' addresses suggest it.
 */
export function customerLocaleOf(address: { countryCode: string; provinceCode: string }): string {
  if (address.countryCode === "CA") return address.provinceCode === "QC" ? "fr-CA" : "en-CA";
  if (address.countryCode === "DE") return "de-DE";
  return "en";
}
