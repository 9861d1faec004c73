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

// Counts are asked without Shopify's default 10,000 cap (limit: null): a swamped shop is exactly
// the one whose figures would otherwise read "10,000+".
export const SHOP_OVERVIEW_QUERY = `#graphql
  query ShopOverview {
    shop {
      name
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
    unshipped: ordersCount(query: "status:open fulfillment_status:unshipped", limit: null) {
      count
      precision
    }
    partial: ordersCount(query: "status:open fulfillment_status:partial", limit: null) {
      count
      precision
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

const overviewSchema = z.object({
  shop: shopSchema,
  unshipped: countSchema,
  partial: countSchema,
  latest: z.object({ nodes: z.array(z.object({ email: z.string().nullable() })) }),
  someCustomer: z.object({ nodes: z.array(z.object({ firstName: z.string().nullable() })) }),
});

export type ShopOverview = Omit<z.infer<typeof overviewSchema>, "latest" | "someCustomer"> & {
  /** Whether Shopify gives the app customers' emails and names (protected customer data). */
  customerData: CustomerDataAvailability;
};

// The newest order's email and one customer's first name double as a probe: Shopify answers
// protected fields the app is not approved for redacted (app/admin-api/redactions.ts).
// An app not approved for protected customer data at all is refused the Order object: the page
// still shows the shop, with no live counts, and says why (customer-data-notices.ts).
export async function loadShopOverview(admin: AdminGraphql): Promise<ShopOverview> {
  try {
    const { data, redacted } = await adminQueryWithRedactions(
      admin,
      SHOP_OVERVIEW_QUERY,
      overviewSchema,
    );
    const { latest: _latest, someCustomer: _someCustomer, ...overview } = data;
    return { ...overview, customerData: customerDataAvailability(redacted) };
  } catch (error) {
    if (!(error instanceof AdminApiError) || !isOrderObjectRefusal(error.message)) throw error;
    const { shop } = await adminQuery(admin, SHOP_QUERY, z.object({ shop: shopSchema }));
    const unknown = { count: 0, precision: "AT_LEAST" as const };
    return { shop, unshipped: unknown, partial: unknown, customerData: NO_CUSTOMER_DATA };
  }
}
