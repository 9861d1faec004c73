// What the home page shows: who the shop is and how many orders are waiting to ship.
import { z } from "zod";
import { AdminApiError } from "../admin-api/admin-errors";
import {
  adminQuery,
  adminQueryWithRedactions,
  type AdminGraphql,
} from "../admin-api/graphql.server";
import {
  NO_CUSTOMER_DATA,
  customerDataAvailability,
  isOrderObjectRefusal,
  type CustomerDataAvailability,
} from "../admin-api/redactions";
import { rememberShopTimeZone } from "../settings/shop-time-zone.server";
import { perShopCache } from "../shop-data/per-shop-cache.server";

// The shop and the customer-data probe: cheap for Shopify, so a page can wait for it.
export const SHOP_PROFILE_QUERY = `#graphql
  query ShopProfile {
    shop {
      name
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
    latest: orders(first: 1, reverse: true) {
      nodes {
        email
      }
    }
    someCustomer: customers(first: 1) {
      nodes {
        firstName
      }
    }
  }
`;

// Counts are asked without Shopify's default 10,000 cap (limit: null): a swamped shop is exactly
// the one whose figures would otherwise read "10,000+". Counting every open order is the slow
// part of the overview at 100k orders, so it is its own query, which a page can ask for after its
// first paint rather than wait for (the dashboard's last line does, from /app/shop-counts, issue 15
// point 5).
export const SHOP_ORDER_COUNTS_QUERY = `#graphql
  query ShopOrderCounts {
    unshipped: ordersCount(query: "status:open fulfillment_status:unshipped", limit: null) {
      count
      precision
    }
    partial: ordersCount(query: "status:open fulfillment_status:partial", limit: null) {
      count
      precision
    }
  }
`;

const SHOP_QUERY = `#graphql
  query ShopOnly {
    shop {
      name
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
  }
`;

const countSchema = z.object({
  count: z.number().int().nonnegative(),
  precision: z.enum(["EXACT", "AT_LEAST"]),
});

const shopSchema = z.object({
  name: z.string(),
  myshopifyDomain: z.string(),
  ianaTimezone: z.string(),
  currencyCode: z.string(),
});

const profileSchema = z.object({
  shop: shopSchema,
  latest: z.object({ nodes: z.array(z.object({ email: z.string().nullable() })) }),
  someCustomer: z.object({ nodes: z.array(z.object({ firstName: z.string().nullable() })) }),
});

const countsSchema = z.object({ unshipped: countSchema, partial: countSchema });

export interface ShopProfile {
  shop: z.infer<typeof shopSchema>;
  /** Whether Shopify gives the app customers' emails and names (protected customer data). */
  customerData: CustomerDataAvailability;
}

export type ShopOrderCounts = z.infer<typeof countsSchema>;

export type ShopOverview = ShopProfile & ShopOrderCounts;

// The newest order's email and one customer's first name double as a probe: Shopify answers
// protected fields the app is not approved for redacted (app/admin-api/redactions.ts).
// An app not approved for protected customer data at all is refused the Order object: the page
// still shows the shop, and says why (customer-data-notices.ts).
export async function loadShopProfile(admin: AdminGraphql): Promise<ShopProfile> {
  try {
    const { data, redacted } = await adminQueryWithRedactions(
      admin,
      SHOP_PROFILE_QUERY,
      profileSchema,
    );
    return { shop: data.shop, customerData: customerDataAvailability(redacted) };
  } catch (error) {
    if (!(error instanceof AdminApiError) || !isOrderObjectRefusal(error.message)) throw error;
    const { shop } = await adminQuery(admin, SHOP_QUERY, z.object({ shop: shopSchema }));
    return { shop, customerData: NO_CUSTOMER_DATA };
  }
}

/** Shopify's open orders waiting to ship and partly shipped; none known without the Order object. */
export async function loadShopOrderCounts(admin: AdminGraphql): Promise<ShopOrderCounts> {
  try {
    return await adminQuery(admin, SHOP_ORDER_COUNTS_QUERY, countsSchema);
  } catch (error) {
    if (!(error instanceof AdminApiError) || !isOrderObjectRefusal(error.message)) throw error;
    const unknown = { count: 0, precision: "AT_LEAST" as const };
    return { unshipped: unknown, partial: unknown };
  }
}

/** The shop, its customer-data access and its live order counts, the two queries at once. */
export async function loadShopOverview(admin: AdminGraphql): Promise<ShopOverview> {
  const [profile, counts] = await Promise.all([loadShopProfile(admin), loadShopOrderCounts(admin)]);
  return { ...profile, ...counts };
}

// The dashboard shows both on every visit. Who the shop is and whether Shopify shares customer
// data change seldom (kept only once every field is approved, below); Shopify's live counts are a check
// beside the app's own figures, so a minute-old count is as good, and spares Shopify counting
// every open order each time the merchant comes back to the page (issue 15 point 5).
const profiles = perShopCache<ShopProfile>({ ttlMs: 5 * 60_000 });
const orderCounts = perShopCache<ShopOrderCounts>({ ttlMs: 60_000 });

/**
 * The shop's profile as recently known; its time zone also serves the pages' clocks. Kept only
 * while Shopify shares every protected field: a shop still waiting for its approval sees it on
 * its next visit (the banner it waits on, and unapproved-customer-data.test.ts), so until then
 * each visit asks Shopify again.
 */
export async function recentShopProfile(admin: AdminGraphql, shop: string): Promise<ShopProfile> {
  const profile = await profiles.get(shop, async () => {
    const loaded = await loadShopProfile(admin);
    rememberShopTimeZone(shop, loaded.shop.ianaTimezone);
    return loaded;
  });
  const { orders, emails, names } = profile.customerData;
  if (!(orders && emails && names)) profiles.forget(shop);
  return profile;
}

/** Shopify's counts of the shop's open orders, at most a minute old. */
export function recentShopOrderCounts(admin: AdminGraphql, shop: string): Promise<ShopOrderCounts> {
  return orderCounts.get(shop, () => loadShopOrderCounts(admin));
}
