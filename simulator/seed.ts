// Seeds one simulated shop: a small workshop making hand-made leather-and-wood goods.
//
// Shape of the store (default 1200 orders; everything scales with `orders`):
// - Catalogue: 12 products (phone cases, wallets, desk goods, small gifts), 1-4 variants each.
//   Products tagged `made-to-order` are built by hand after the order (the workshop's queue);
//   `ready-to-ship` ones come off the shelf and ship the next business day.
// - Orders over the 90 days before `now`, in the shop's time zone. Daily volume is flat with a
//   slow rise, then a wave of good reviews ramps it up about four-fold into a holiday rush over
//   the last ~3 weeks.
// - The workshop finishes a fixed number of made-to-order units per business day (weekends
//   and US holidays off, so a Thanksgiving week is short), oldest order first. It keeps up before
//   the rush and falls behind during it: at 1200 orders a few hundred unfulfilled orders are past
//   the shop's promise of shipping within 10 business days. About a quarter of fulfillment orders
//   carry that promise as `fulfillBy`; the rest have none.
// - Statuses: fulfilled orders (archived, so `closed`), partially fulfilled ones (a ready-to-ship
//   item sent ahead of a made-to-order one), unfulfilled ones, ~3% cancelled by the customer
//   (payment voided), a few waiting on capture or on a manual payment, and a couple of test orders.
// - Customers: most orders come from a new customer, some from returning ones, some are guest
//   checkouts without a customer.
// - Money: the catalogue is priced in the shop's currency (USD by default; a CAD or EUR shop's
//   prices are the USD list converted and rounded to whole units). With `foreignBuyers`, that share
//   of orders comes from another country and pays in its currency (the order's presentment
//   currency), at a fixed rate with Shopify's price rounding (store/currency.ts).
// - Two locations: the workshop (primary), which makes and ships made-to-order goods, and a
//   warehouse, which ships orders of ready-to-ship goods only.
// Deterministic: only the seeded PRNG in random.ts is used, and `now` is taken from the options.
import { DateTime } from "luxon";
import { isBusinessDay } from "./business-days";
import { Random } from "./random";
import {
  singleCurrency,
  toPresentmentPrice,
  toShopCents,
  type OrderCurrencies,
} from "./store/currency";
import { resolveSeedOptions, type ResolvedSeedOptions, type SeedOptions } from "./store/options";
import type {
  AddressRecord,
  CancelReason,
  CollectionRecord,
  CustomerRecord,
  FinancialStatus,
  LineItemRecord,
  LocationRecord,
  OrderRecord,
  ProductRecord,
  ShippingLineRecord,
  ShopLocaleRecord,
  ShopRecord,
  TransactionRecord,
  VariantRecord,
} from "./store/records";
import { ShopStore } from "./store/shop-store";
import { newLineItem } from "./store/line-items";

export type { ShopPlan } from "./store/records";
export type { SeedOptions } from "./store/options";

/** The shop's stated promise: made-to-order goods ship within this many business days. */
export const PROMISED_BUSINESS_DAYS = 10;
export const SEED_WINDOW_DAYS = 90;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Made-to-order units the workshop finishes per business day, per 1200 orders of 90-day volume.
const WORKSHOP_UNITS_PER_DAY = 8;
// A made-to-order item takes at least this many business days from order to shipping.
const MIN_MAKE_DAYS = 2;

interface CatalogEntry {
  title: string;
  productType: string;
  tags: string[];
  option: string;
  variants: [string, number][];
  madeToOrder: boolean;
  popularity: number;
  collections: string[];
}

const CATALOG: CatalogEntry[] = [
  {
    title: "Walnut & Leather Phone Case",
    productType: "Phone Case",
    tags: ["made-to-order", "walnut", "leather", "bestseller"],
    option: "Model",
    variants: [
      ["iPhone 16", 5800],
      ["iPhone 16 Pro", 5800],
      ["iPhone 15", 5400],
      ["Pixel 9", 5400],
    ],
    madeToOrder: true,
    popularity: 30,
    collections: ["Phone Cases"],
  },
  {
    title: "Oak & Leather Phone Case",
    productType: "Phone Case",
    tags: ["made-to-order", "oak", "leather"],
    option: "Model",
    variants: [
      ["iPhone 16", 5400],
      ["iPhone 16 Pro", 5400],
      ["iPhone 15", 5000],
    ],
    madeToOrder: true,
    popularity: 18,
    collections: ["Phone Cases"],
  },
  {
    title: "Leather Card Wallet",
    productType: "Wallet",
    tags: ["made-to-order", "leather", "gift"],
    option: "Color",
    variants: [
      ["Tan", 4200],
      ["Chestnut", 4200],
      ["Black", 4200],
    ],
    madeToOrder: true,
    popularity: 12,
    collections: ["Wallets", "Gifts Under $50"],
  },
  {
    title: "Bifold Wallet",
    productType: "Wallet",
    tags: ["made-to-order", "leather"],
    option: "Color",
    variants: [
      ["Tan", 7800],
      ["Black", 7800],
    ],
    madeToOrder: true,
    popularity: 7,
    collections: ["Wallets"],
  },
  {
    title: "Leather Desk Mat",
    productType: "Desk",
    tags: ["made-to-order", "leather"],
    option: "Size",
    variants: [
      ["Small", 6400],
      ["Large", 8400],
    ],
    madeToOrder: true,
    popularity: 5,
    collections: ["Desk"],
  },
  {
    title: "Leather Laptop Sleeve",
    productType: "Sleeve",
    tags: ["made-to-order", "leather"],
    option: "Size",
    variants: [
      ["13 inch", 12000],
      ["15 inch", 13500],
    ],
    madeToOrder: true,
    popularity: 4,
    collections: ["Desk"],
  },
  {
    title: "Walnut Watch Stand",
    productType: "Desk",
    tags: ["ready-to-ship", "walnut", "gift"],
    option: "Title",
    variants: [["Default Title", 4600]],
    madeToOrder: false,
    popularity: 6,
    collections: ["Desk", "Gifts Under $50"],
  },
  {
    title: "Walnut Pen Tray",
    productType: "Desk",
    tags: ["ready-to-ship", "walnut"],
    option: "Title",
    variants: [["Default Title", 3600]],
    madeToOrder: false,
    popularity: 4,
    collections: ["Desk", "Gifts Under $50"],
  },
  {
    title: "Oak Coaster Set",
    productType: "Home",
    tags: ["ready-to-ship", "oak", "gift"],
    option: "Title",
    variants: [["Default Title", 3200]],
    madeToOrder: false,
    popularity: 5,
    collections: ["Gifts Under $50"],
  },
  {
    title: "Leather Keychain",
    productType: "Accessory",
    tags: ["ready-to-ship", "leather", "gift"],
    option: "Color",
    variants: [
      ["Tan", 1800],
      ["Black", 1800],
    ],
    madeToOrder: false,
    popularity: 8,
    collections: ["Gifts Under $50"],
  },
  {
    title: "Cable Organizer Roll",
    productType: "Accessory",
    tags: ["ready-to-ship", "leather"],
    option: "Title",
    variants: [["Default Title", 2800]],
    madeToOrder: false,
    popularity: 4,
    collections: ["Desk", "Gifts Under $50"],
  },
  {
    title: "Leather Care Balm",
    productType: "Care",
    tags: ["ready-to-ship", "care"],
    option: "Title",
    variants: [["Default Title", 1400]],
    madeToOrder: false,
    popularity: 5,
    collections: ["Gifts Under $50"],
  },
];

const COLLECTION_TITLES = ["Phone Cases", "Wallets", "Desk", "Gifts Under $50"];

const FIRST_NAMES = [
  "Ava",
  "Ben",
  "Chloe",
  "Daniel",
  "Ella",
  "Finn",
  "Grace",
  "Henry",
  "Isla",
  "Jack",
  "Kara",
  "Liam",
  "Maya",
  "Noah",
  "Olivia",
  "Owen",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tara",
  "Umar",
  "Vera",
  "Wes",
  "Yuki",
  "Zoe",
  "Aaron",
  "Bea",
  "Caleb",
  "Dana",
];
const LAST_NAMES = [
  "Anderson",
  "Brooks",
  "Chen",
  "Diaz",
  "Evans",
  "Foster",
  "Garcia",
  "Hughes",
  "Ito",
  "Johnson",
  "Khan",
  "Lopez",
  "Miller",
  "Nguyen",
  "Okafor",
  "Patel",
  "Reyes",
  "Smith",
  "Turner",
  "Walsh",
  "Young",
  "Zimmer",
];
const CITIES: [string, string, string, string][] = [
  ["Portland", "Oregon", "OR", "97205"],
  ["Austin", "Texas", "TX", "78701"],
  ["Brooklyn", "New York", "NY", "11201"],
  ["Denver", "Colorado", "CO", "80202"],
  ["Chicago", "Illinois", "IL", "60607"],
  ["Asheville", "North Carolina", "NC", "28801"],
  ["Madison", "Wisconsin", "WI", "53703"],
  ["Burlington", "Vermont", "VT", "05401"],
  ["Seattle", "Washington", "WA", "98101"],
  ["Savannah", "Georgia", "GA", "31401"],
  ["Boise", "Idaho", "ID", "83702"],
  ["Providence", "Rhode Island", "RI", "02903"],
];
// Canadian and German buyers for CAD and EUR shops (and foreign buyers paying in those currencies).
const CA_CITIES: [string, string, string, string][] = [
  ["Toronto", "Ontario", "ON", "M5V 2T6"],
  ["Montréal", "Quebec", "QC", "H2Y 1C6"],
  ["Vancouver", "British Columbia", "BC", "V6B 1A1"],
  ["Calgary", "Alberta", "AB", "T2P 1J9"],
  ["Halifax", "Nova Scotia", "NS", "B3J 1S9"],
  ["Ottawa", "Ontario", "ON", "K1P 5G4"],
];
const DE_CITIES: [string, string, string, string][] = [
  ["Berlin", "Berlin", "BE", "10115"],
  ["Hamburg", "Hamburg", "HH", "20095"],
  ["München", "Bayern", "BY", "80331"],
  ["Köln", "Nordrhein-Westfalen", "NW", "50667"],
];
const COUNTRY_OF: Record<
  string,
  { country: string; countryCode: string; cities: [string, string, string, string][] }
> = {
  USD: { country: "United States", countryCode: "US", cities: CITIES },
  CAD: { country: "Canada", countryCode: "CA", cities: CA_CITIES },
  EUR: { country: "Germany", countryCode: "DE", cities: DE_CITIES },
};
// The catalogue's USD list converted into the shop's own currency (whole units), as a merchant pricing for home would.
const LIST_PRICE_FACTOR: Record<string, number> = { USD: 1, CAD: 1.4, EUR: 0.95 };

const STREETS = [
  "Maple St",
  "Oak Ave",
  "Cedar Ln",
  "Pine St",
  "Elm Rd",
  "Birch Way",
  "Walnut St",
  "Willow Ct",
];
const ORDER_TAGS = ["gift", "repeat-customer", "engraving", "wholesale", "local-pickup"];
const NOTES = [
  "Please gift wrap, it's a birthday present.",
  "Can you add a note saying Happy Holidays?",
  "No rush, thanks!",
  "Is engraving possible on the back?",
];

interface DayInfo {
  start: number;
  end: number;
  business: boolean;
}

interface Draft {
  order: OrderRecord;
  makeUnits: number;
  readyUnits: number;
  cancelAt: number | null;
  manualCapture: boolean;
  manualPayment: boolean;
}

export function seedShop(options: SeedOptions): ShopStore {
  const resolved = resolveSeedOptions(options);
  const root = new Random(resolved.seed);
  const nowMs = resolved.now.getTime();
  const scale = resolved.orders / 1200;

  const days = buildDays(nowMs, resolved.timezone);
  const shop = seedShopRecord(root.fork("shop"), resolved, nowMs);
  const locations = seedLocations(shop);
  const [workshop, warehouse] = locations;
  const { products, variants, collections } = seedCatalog(
    root.fork("catalog"),
    nowMs,
    LIST_PRICE_FACTOR[resolved.currency] ?? 1,
  );

  const rng = root.fork("orders");
  const customerRng = root.fork("customers");
  const customers: CustomerRecord[] = [];
  const orderTimes = orderTimestamps(rng, days, resolved.orders, nowMs);
  const productWeights = products.map((product, index): [ProductRecord, number] => [
    product,
    CATALOG[index]?.popularity ?? 1,
  ]);
  const madeToOrder = new Set(
    products.filter((product) => product.makeDays > 0).map((product) => product.id),
  );
  const variantsById = new Map(variants.map((variant) => [variant.id, variant]));

  const ids = {
    lineItem: 14_000_000_001,
    fulfillmentOrder: 6_600_000_001,
    foLineItem: 15_000_000_001,
    shippingLine: 4_400_000_001,
    transaction: 7_700_000_001,
  };
  // A couple of test orders, as a shop that once checked its checkout has; none in tiny stores.
  const testOrderIndexes = new Set(
    pickDistinct(
      rng,
      resolved.orders,
      resolved.orders < 50 ? 0 : Math.max(2, Math.round(resolved.orders / 600)),
    ),
  );
  const drafts: Draft[] = [];

  orderTimes.forEach((createdAt, index) => {
    const customer = chooseCustomer(customerRng, customers, createdAt, nowMs, resolved);
    const orderId = 5_500_000_001 + index;
    const number = 1001 + index;

    const lineItems: LineItemRecord[] = [];
    const lineCount = rng.weighted<number>([
      [1, 70],
      [2, 22],
      [3, 8],
    ]);
    const usedVariants = new Set<number>();
    let makeUnits = 0;
    let readyUnits = 0;
    for (let l = 0; l < lineCount; l++) {
      const product = rng.weighted(productWeights);
      const variantId = rng.pick(product.variantIds);
      if (usedVariants.has(variantId)) continue;
      usedVariants.add(variantId);
      const variant = variantsById.get(variantId);
      if (!variant) continue;
      const quantity = rng.weighted<number>([
        [1, 85],
        [2, 12],
        [3, 3],
      ]);
      if (madeToOrder.has(product.id)) makeUnits += quantity;
      else readyUnits += quantity;
      lineItems.push(
        newLineItem({
          id: ids.lineItem++,
          orderId,
          product,
          variant,
          quantity,
          unitPriceCents: variant.priceCents,
        }),
      );
    }
    const shopSubtotalCents = lineItems.reduce(
      (sum, item) => sum + item.quantity * item.unitPriceCents,
      0,
    );
    const shippingLine = chooseShipping(
      rng,
      shopSubtotalCents,
      ids.shippingLine++,
      orderId,
      LIST_PRICE_FACTOR[resolved.currency] ?? 1,
    );
    const test = testOrderIndexes.has(index);
    const guestEmail = customer
      ? null
      : `${rng.pick(FIRST_NAMES).toLowerCase()}.${rng.pick(LAST_NAMES).toLowerCase()}${rng.int(1, 999)}@example.net`;
    const email = customer?.email ?? guestEmail;
    const address =
      customer?.address ??
      randomAddress(rng, rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES), buyerCurrency(rng, resolved));
    // Prices so far are the catalogue's (shop currency); a buyer paying in another currency saw them converted.
    const currencies = orderCurrencies(resolved, address);
    for (const item of lineItems)
      item.unitPriceCents = toPresentmentPrice(item.unitPriceCents, currencies);
    shippingLine.priceCents = toPresentmentPrice(shippingLine.priceCents, currencies);
    const subtotalCents = lineItems.reduce(
      (sum, item) => sum + item.quantity * item.unitPriceCents,
      0,
    );
    const tags: string[] = [];
    if (rng.chance(0.08)) tags.push(rng.pick(ORDER_TAGS));
    if (
      customer &&
      customer.orderIds.length > 0 &&
      !tags.includes("repeat-customer") &&
      rng.chance(0.5)
    )
      tags.push("repeat-customer");
    const language = shopperLanguage(resolved, customer?.id ?? orderId);
    const order: OrderRecord = {
      __typename: "Order",
      id: orderId,
      ...(language ? { customerLocale: language } : {}),
      number,
      name: `#${number}`,
      email,
      customerId: customer?.id ?? null,
      createdAt,
      updatedAt: createdAt,
      processedAt: createdAt,
      closedAt: null,
      cancelledAt: null,
      cancelReason: null,
      test,
      tags: tags.sort(),
      note: rng.chance(0.05) ? rng.pick(NOTES) : null,
      sourceName: rng.chance(0.96) ? "web" : "shopify_draft_order",
      currencies,
      financialStatus: "PAID",
      fulfillmentStatus: "UNFULFILLED",
      shippingAddress: address,
      lineItems,
      shippingLines: [shippingLine],
      fulfillmentOrders: [],
      transactions: [],
      subtotalCents,
      shippingCents: shippingLine.priceCents,
      totalCents: subtotalCents + shippingLine.priceCents,
      receivedCents: 0,
    };
    customer?.orderIds.push(orderId);
    const fulfillBy = rng.chance(0.25) ? promiseEnd(days, createdAt) : null;
    order.fulfillmentOrders.push({
      __typename: "FulfillmentOrder",
      id: ids.fulfillmentOrder++,
      orderId,
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      createdAt,
      updatedAt: createdAt,
      fulfillAt: Math.floor(createdAt / HOUR) * HOUR,
      fulfillBy,
      // Ready-to-ship goods come off the warehouse shelf; anything made to order leaves from the workshop.
      assignedLocationId: (makeUnits > 0 ? workshop : warehouse)?.id ?? shop.id,
      lineItems: lineItems.map((item) => ({
        __typename: "FulfillmentOrderLineItem",
        id: ids.foLineItem++,
        lineItemId: item.id,
        totalQuantity: item.quantity,
        remainingQuantity: item.quantity,
      })),
    });
    // Impatient customers cancel within a day or two; never after `now`.
    let cancelAt: number | null = null;
    if (!test && rng.chance(0.03)) {
      const at = createdAt + rng.int(2, 40) * HOUR;
      cancelAt = at < nowMs ? at : null;
    }
    const paymentRoll = rng.next();
    drafts.push({
      order,
      makeUnits,
      readyUnits,
      cancelAt,
      manualCapture: !test && paymentRoll < 0.04,
      manualPayment: !test && paymentRoll >= 0.04 && paymentRoll < 0.06,
    });
  });

  runWorkshop(
    root.fork("workshop"),
    drafts,
    days,
    WORKSHOP_UNITS_PER_DAY * scale,
    nowMs,
    madeToOrder,
  );
  const cancelRng = root.fork("cancel");
  for (const draft of drafts) settle(cancelRng, draft, ids, nowMs, customers);

  return new ShopStore(resolved, {
    shop,
    locations,
    collections,
    products,
    variants,
    customers,
    orders: drafts.map((draft) => draft.order),
  });
}

function buildDays(nowMs: number, timezone: string): DayInfo[] {
  // Days from 90 before `now` to 60 after, so promises made near `now` can be computed too.
  const today = DateTime.fromMillis(nowMs, { zone: timezone }).startOf("day");
  const result: DayInfo[] = [];
  for (let offset = -SEED_WINDOW_DAYS; offset <= 60; offset++) {
    const day = today.plus({ days: offset });
    result.push({
      start: day.toMillis(),
      end: day.plus({ days: 1 }).toMillis(),
      business: isBusinessDay(day),
    });
  }
  return result;
}

function dayIndexOf(days: readonly DayInfo[], at: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((days[mid]?.start ?? Infinity) <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** End of the PROMISED_BUSINESS_DAYS-th business day after the order's day (shop time). */
function promiseEnd(days: readonly DayInfo[], at: number): number {
  let index = dayIndexOf(days, at);
  let left = PROMISED_BUSINESS_DAYS;
  while (left > 0 && index < days.length - 1) {
    index += 1;
    if (days[index]?.business) left -= 1;
  }
  return (days[index]?.end ?? at) - 1;
}

/** Relative order volume `daysAgo` days before now: flat with a slow rise, then the rush. */
function volumeWeight(daysAgo: number): number {
  const base = 1 + 0.005 * (SEED_WINDOW_DAYS - daysAgo);
  if (daysAgo > 30) return base;
  if (daysAgo > 21) return base + ((30 - daysAgo) / 9) * 3;
  return base + 3;
}

function orderTimestamps(
  rng: Random,
  days: readonly DayInfo[],
  total: number,
  nowMs: number,
): number[] {
  const window = days.slice(0, SEED_WINDOW_DAYS + 1);
  const weights = window.map((day, index) => {
    const daysAgo = SEED_WINDOW_DAYS - index;
    const weekend = day.business ? 1 : 0.8;
    // Today is only partly over.
    const fraction =
      daysAgo === 0 ? Math.max(0, Math.min(1, (nowMs - day.start) / (day.end - day.start))) : 1;
    return volumeWeight(daysAgo) * weekend * (0.85 + rng.next() * 0.3) * fraction;
  });
  const counts = apportion(weights, total);
  const times: number[] = [];
  window.forEach((day, index) => {
    const count = counts[index] ?? 0;
    const end = Math.min(day.end, nowMs);
    const dayTimes: number[] = [];
    for (let i = 0; i < count; i++) {
      // Shoppers buy more in the evening than at night: fold two uniforms towards mid-late day.
      const position = Math.min(
        0.999_999,
        0.25 + 0.75 * Math.sqrt(rng.next()) * (0.6 + 0.4 * rng.next()),
      );
      const at = day.start + Math.floor(position * (end - day.start));
      dayTimes.push(Math.floor(at / 1000) * 1000);
    }
    dayTimes.sort((a, b) => a - b);
    times.push(...dayTimes);
  });
  // Seconds resolution can tie; orders must be strictly ordered like real order numbers.
  for (let i = 1; i < times.length; i++) {
    const previous = times[i - 1] ?? 0;
    if ((times[i] ?? 0) <= previous) times[i] = previous + 1000;
  }
  return times;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder). */
function apportion(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => [value - Math.floor(value), index] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, index] of byRemainder) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

function pickDistinct(rng: Random, size: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(rng.int(0, size - 1));
  return [...chosen];
}

/**
 * The storefront language a buyer shops in, from the shop's customerLanguages (null: their
 * address decides, store/currency.ts). Drawn from the buyer's id, not the random stream, so a
 * shop without languages seeds exactly as before and a returning customer keeps their language.
 */
function shopperLanguage(options: ResolvedSeedOptions, buyerId: number): string | null {
  if (options.customerLanguages.length === 0) return null;
  const point = (Math.imul(buyerId, 2654435761) >>> 0) / 2 ** 32;
  let start = 0;
  for (const { locale, share } of options.customerLanguages) {
    if (point < start + share) return locale;
    start += share;
  }
  return null;
}

/** The shop's languages: English (primary), the address languages its buyers have, and the seeded ones. */
function shopLocales(options: ResolvedSeedOptions): ShopLocaleRecord[] {
  const currencies = [options.currency, options.foreignBuyers?.currency];
  const languages = new Set<string>(["en"]);
  if (currencies.includes("CAD")) languages.add("fr-CA");
  if (currencies.includes("EUR")) languages.add("de");
  for (const { locale } of options.customerLanguages) languages.add(locale);
  return [...languages].map((locale) => ({ locale, primary: locale === "en", published: true }));
}

function seedShopRecord(rng: Random, options: ResolvedSeedOptions, nowMs: number): ShopRecord {
  const { domain, name, plan, timezone, currency } = options;
  const handle = domain.replace(/\.myshopify\.com$/, "");
  const home = COUNTRY_OF[currency] ?? COUNTRY_OF["USD"];
  return {
    __typename: "Shop",
    id: 60_000_000_000 + rng.int(1, 999_999),
    name,
    email: `hello@${handle}.example.com`,
    myshopifyDomain: domain,
    primaryDomainHost: `${handle}.example.com`,
    ianaTimezone: timezone,
    currencyCode: currency,
    presentmentCurrencies: options.foreignBuyers ? [options.foreignBuyers.currency] : [],
    plan,
    createdAt: Math.floor((nowMs - rng.int(700, 1400) * DAY) / 1000) * 1000,
    billingAddress: {
      firstName: "Dawn",
      lastName: "Whitaker",
      company: name,
      address1: "118 Workshop Row",
      address2: "Unit 4",
      ...(currency === "USD" || !home
        ? {
            city: "Asheville",
            province: "North Carolina",
            provinceCode: "NC",
            zip: "28801",
            country: "United States",
            countryCode: "US",
          }
        : {
            city: home.cities[0]?.[0] ?? "",
            province: home.cities[0]?.[1] ?? "",
            provinceCode: home.cities[0]?.[2] ?? "",
            zip: home.cities[0]?.[3] ?? "",
            country: home.country,
            countryCode: home.countryCode,
          }),
      phone: "+18285550142",
    },
    shopOwnerName: "Dawn Whitaker",
    locales: shopLocales(options),
  };
}

function seedLocations(shop: ShopRecord): LocationRecord[] {
  return [
    {
      __typename: "Location",
      id: 71_500_000_001,
      name: "Workshop",
      primary: true,
      address: shop.billingAddress,
    },
    {
      __typename: "Location",
      id: 71_500_000_002,
      name: "Warehouse",
      primary: false,
      address: { ...shop.billingAddress, address1: "9 Depot Street", address2: null },
    },
  ];
}

/** Where a new customer or guest lives, as the currency they pay in: the shop's own, or the foreign buyers'. */
function buyerCurrency(rng: Random, options: ResolvedSeedOptions): string {
  // No draw at all for a single-currency shop, so its seed stays what it always was.
  if (!options.foreignBuyers) return options.currency;
  return rng.chance(options.foreignBuyers.share)
    ? options.foreignBuyers.currency
    : options.currency;
}

/** The order's currencies from where the buyer lives: a foreign buyer pays in their own currency. */
function orderCurrencies(options: ResolvedSeedOptions, address: AddressRecord): OrderCurrencies {
  const foreign = options.foreignBuyers;
  if (foreign && COUNTRY_OF[foreign.currency]?.countryCode === address.countryCode) {
    return {
      shop: options.currency,
      presentment: foreign.currency,
      presentmentPerShop: foreign.presentmentPerShop,
    };
  }
  return singleCurrency(options.currency);
}

function seedCatalog(
  rng: Random,
  nowMs: number,
  priceFactor: number,
): { products: ProductRecord[]; variants: VariantRecord[]; collections: CollectionRecord[] } {
  const collections: CollectionRecord[] = COLLECTION_TITLES.map((title, index) => ({
    __typename: "Collection",
    id: 3_100_000_001 + index,
    title,
    handle: slug(title),
    updatedAt: Math.floor((nowMs - rng.int(100, 400) * DAY) / 1000) * 1000,
  }));
  const collectionIds = new Map(collections.map((collection) => [collection.title, collection.id]));
  const products: ProductRecord[] = [];
  const variants: VariantRecord[] = [];
  let variantId = 44_100_000_001;
  CATALOG.forEach((entry, index) => {
    const createdAt = Math.floor((nowMs - rng.int(200, 600) * DAY) / 1000) * 1000;
    const updatedAt = createdAt + rng.int(1, 150) * DAY;
    const productId = 8_100_000_001 + index;
    const product: ProductRecord = {
      __typename: "Product",
      id: productId,
      title: entry.title,
      handle: slug(entry.title),
      vendor: "Oak & Hide",
      productType: entry.productType,
      description: `${entry.title}, hand-made in our workshop.`,
      tags: [...entry.tags].sort(),
      status: "ACTIVE",
      createdAt,
      updatedAt,
      publishedAt: createdAt + HOUR,
      optionName: entry.option,
      variantIds: [],
      collectionIds: entry.collections.flatMap((title) => collectionIds.get(title) ?? []),
      makeDays: entry.madeToOrder ? MIN_MAKE_DAYS : 0,
    };
    entry.variants.forEach(([title, listCents], position) => {
      const priceCents =
        priceFactor === 1 ? listCents : Math.round((listCents * priceFactor) / 100) * 100;
      const variant: VariantRecord = {
        __typename: "ProductVariant",
        id: variantId++,
        productId,
        title,
        sku: `OH-${String(index + 1).padStart(2, "0")}-${slug(title).toUpperCase()}`,
        priceCents,
        position: position + 1,
        inventoryQuantity: entry.madeToOrder ? 0 : rng.int(8, 60),
        createdAt,
        updatedAt,
      };
      product.variantIds.push(variant.id);
      variants.push(variant);
    });
    products.push(product);
  });
  return { products, variants, collections };
}

function chooseCustomer(
  rng: Random,
  customers: CustomerRecord[],
  at: number,
  nowMs: number,
  options: ResolvedSeedOptions,
): CustomerRecord | null {
  const roll = rng.next();
  if (roll < 0.06) return null;
  if (roll < 0.18 && customers.length > 0) return rng.pick(customers);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const id = 7_100_000_001 + customers.length;
  // A returning customer from before the window signed up long ago; a new one just now.
  const createdAt =
    roll < 0.3
      ? Math.floor((nowMs - rng.int(100, 900) * DAY) / 1000) * 1000
      : at - rng.int(1, 600) * 1000;
  const customer: CustomerRecord = {
    __typename: "Customer",
    id,
    firstName: first,
    lastName: last,
    email: `${first.toLowerCase()}.${last.toLowerCase()}.${id % 1_000_000}@example.com`,
    phone: rng.chance(0.4) ? `+1555${String(rng.int(0, 9_999_999)).padStart(7, "0")}` : null,
    tags: rng.chance(0.1) ? ["newsletter"] : [],
    createdAt,
    updatedAt: createdAt,
    address: randomAddress(rng, first, last, buyerCurrency(rng, options)),
    acceptsMarketing: rng.chance(0.4),
    orderIds: [],
    amountSpentCents: 0,
  };
  customers.push(customer);
  return customer;
}

function randomAddress(
  rng: Random,
  firstName: string,
  lastName: string,
  currency: string,
): AddressRecord {
  const home = COUNTRY_OF[currency] ?? {
    country: "United States",
    countryCode: "US",
    cities: CITIES,
  };
  const [city, province, provinceCode, zip] = rng.pick(home.cities);
  return {
    firstName,
    lastName,
    company: null,
    address1: `${rng.int(10, 9999)} ${rng.pick(STREETS)}`,
    address2: rng.chance(0.2) ? `Apt ${rng.int(1, 40)}` : null,
    city,
    province,
    provinceCode,
    zip,
    country: home.country,
    countryCode: home.countryCode,
    phone: null,
  };
}

/** The shipping line in the shop's currency (rates are set in it); the caller converts it for a foreign buyer. */
function chooseShipping(
  rng: Random,
  subtotalCents: number,
  id: number,
  orderId: number,
  priceFactor: number,
): ShippingLineRecord {
  const rate = (usdCents: number) =>
    priceFactor === 1 ? usdCents : Math.round((usdCents * priceFactor) / 100) * 100;
  if (rng.chance(0.1))
    return {
      __typename: "ShippingLine",
      id,
      orderId,
      title: "Express Shipping",
      code: "EXPRESS",
      source: "shopify",
      priceCents: rate(1800),
    };
  if (subtotalCents >= rate(15000))
    return {
      __typename: "ShippingLine",
      id,
      orderId,
      title: "Free Shipping",
      code: "FREE",
      source: "shopify",
      priceCents: 0,
    };
  return {
    __typename: "ShippingLine",
    id,
    orderId,
    title: "Standard Shipping",
    code: "STANDARD",
    source: "shopify",
    priceCents: rate(800),
  };
}

/**
 * Plays the workshop forward day by day: ready-to-ship items leave the next business day; made-
 * to-order units are built oldest order first, limited by the daily capacity. Sets each line
 * item's fulfilled quantity and the time it shipped on the order's fulfillment order.
 */
function runWorkshop(
  rng: Random,
  drafts: Draft[],
  days: readonly DayInfo[],
  unitsPerDay: number,
  nowMs: number,
  madeToOrder: ReadonlySet<number>,
): void {
  const shippedAt = new Map<number, number>();
  const queue = drafts.filter((draft) => draft.cancelAt === null && draft.makeUnits > 0);
  const ready = drafts.filter((draft) => draft.cancelAt === null && draft.readyUnits > 0);
  let queueHead = 0;
  let readyHead = 0;
  let budget = 0;
  for (const day of days) {
    if (day.start >= nowMs) break;
    if (!day.business) continue;
    const shipTime = day.start + 16 * HOUR;
    if (shipTime >= nowMs) break;
    // Packing happens at four: ready-to-ship items ordered before the previous evening go out.
    while (
      readyHead < ready.length &&
      (ready[readyHead]?.order.createdAt ?? Infinity) < shipTime - 20 * HOUR
    ) {
      const draft = ready[readyHead++];
      if (!draft) break;
      const at = shipTime + rng.int(0, 90) * 60_000;
      for (const item of draft.order.lineItems)
        if (!madeToOrder.has(item.productId)) item.fulfilledQuantity = item.quantity;
      shippedAt.set(draft.order.id, at);
    }
    budget += unitsPerDay;
    const earliest = day.start - MIN_MAKE_DAYS * DAY;
    while (queueHead < queue.length) {
      const draft = queue[queueHead];
      if (!draft || draft.order.createdAt >= earliest || draft.makeUnits > budget) break;
      budget -= draft.makeUnits;
      queueHead += 1;
      const at = shipTime + rng.int(0, 120) * 60_000;
      for (const item of draft.order.lineItems) item.fulfilledQuantity = item.quantity;
      shippedAt.set(draft.order.id, at);
    }
    // Capacity not used today is not banked beyond one order's worth: people go home.
    budget = Math.min(budget, 3);
  }
  for (const draft of drafts) {
    const at = shippedAt.get(draft.order.id);
    if (at === undefined) continue;
    const fulfilledUnits = draft.order.lineItems.reduce(
      (sum, item) => sum + item.fulfilledQuantity,
      0,
    );
    const totalUnits = draft.order.lineItems.reduce((sum, item) => sum + item.quantity, 0);
    draft.order.fulfillmentStatus =
      fulfilledUnits === totalUnits
        ? "FULFILLED"
        : fulfilledUnits > 0
          ? "PARTIALLY_FULFILLED"
          : "UNFULFILLED";
    draft.order.updatedAt = Math.max(draft.order.updatedAt, at);
    for (const fulfillmentOrder of draft.order.fulfillmentOrders) fulfillmentOrder.updatedAt = at;
  }
}

/** Final statuses, payments and archive state once fulfillment is known. */
function settle(
  cancelRng: Random,
  draft: Draft,
  ids: { transaction: number },
  nowMs: number,
  customers: CustomerRecord[],
): void {
  const { order } = draft;
  const gateway = order.test ? "bogus" : draft.manualPayment ? "manual" : "shopify_payments";
  const transaction = (
    kind: TransactionRecord["kind"],
    status: TransactionRecord["status"],
    at: number,
  ): TransactionRecord => ({
    __typename: "OrderTransaction",
    id: ids.transaction++,
    orderId: order.id,
    kind,
    status,
    gateway,
    amountCents: order.totalCents,
    processedAt: at,
    test: order.test,
  });
  const paidAt = order.createdAt + 2000;
  let financial: FinancialStatus;
  if (draft.cancelAt !== null) {
    // Cancelled before anything shipped: the authorization is voided, nothing was captured.
    order.transactions.push(
      transaction("AUTHORIZATION", "SUCCESS", paidAt),
      transaction("VOID", "SUCCESS", draft.cancelAt),
    );
    financial = "VOIDED";
    order.cancelledAt = draft.cancelAt;
    order.cancelReason = cancelRng.weighted<CancelReason>([
      ["CUSTOMER", 80],
      ["INVENTORY", 8],
      ["DECLINED", 6],
      ["FRAUD", 6],
    ]);
    order.closedAt = draft.cancelAt;
    order.updatedAt = Math.max(order.updatedAt, draft.cancelAt);
    for (const fulfillmentOrder of order.fulfillmentOrders) {
      fulfillmentOrder.status = "CLOSED";
      fulfillmentOrder.updatedAt = draft.cancelAt;
      for (const line of fulfillmentOrder.lineItems) line.remainingQuantity = 0;
    }
  } else if (draft.manualPayment) {
    order.transactions.push(transaction("SALE", "PENDING", paidAt));
    financial = "PENDING";
  } else if (draft.manualCapture && order.fulfillmentStatus !== "FULFILLED") {
    order.transactions.push(transaction("AUTHORIZATION", "SUCCESS", paidAt));
    financial = "AUTHORIZED";
  } else if (draft.manualCapture) {
    order.transactions.push(
      transaction("AUTHORIZATION", "SUCCESS", paidAt),
      transaction("CAPTURE", "SUCCESS", order.updatedAt),
    );
    financial = "PAID";
  } else {
    order.transactions.push(transaction("SALE", "SUCCESS", paidAt));
    financial = "PAID";
  }
  order.financialStatus = financial;
  order.receivedCents = financial === "PAID" ? order.totalCents : 0;

  if (draft.cancelAt === null) {
    for (const fulfillmentOrder of order.fulfillmentOrders) {
      for (const line of fulfillmentOrder.lineItems) {
        const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
        line.remainingQuantity = item ? item.quantity - item.fulfilledQuantity : 0;
      }
      const remaining = fulfillmentOrder.lineItems.reduce(
        (sum, line) => sum + line.remainingQuantity,
        0,
      );
      fulfillmentOrder.status =
        remaining === 0
          ? "CLOSED"
          : order.fulfillmentStatus === "PARTIALLY_FULFILLED"
            ? "IN_PROGRESS"
            : "OPEN";
    }
    // Shops archive orders automatically once they are paid and fulfilled.
    if (order.fulfillmentStatus === "FULFILLED" && financial === "PAID")
      order.closedAt = order.updatedAt;
  }
  if (order.customerId !== null && draft.cancelAt === null && !order.test && financial === "PAID") {
    const customer = customers[order.customerId - 7_100_000_001];
    if (customer) {
      // A customer's amount spent is in the shop's currency.
      customer.amountSpentCents += toShopCents(order.totalCents, order.currencies);
      customer.updatedAt = Math.max(customer.updatedAt, order.updatedAt);
    }
  }
  if (order.updatedAt > nowMs) order.updatedAt = nowMs;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
