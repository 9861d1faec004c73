// What the home page shows: who the shop is and how many orders are waiting to ship.
import { z } from "zod";
import { adminQueryWithRedactions, type AdminGraphql } from "../admin-api/graphql.server";
import { customerDataAvailability, type CustomerDataAvailability } from "../admin-api/redactions";

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
        customer {
          firstName
        }
      }
    }
  }
`;

const countSchema = z.object({ count: z.number().int().nonnegative(), precision: z.enum(["EXACT", "AT_LEAST"]) });

const overviewSchema = z.object({
  shop: z.object({
    name: z.string(),
    myshopifyDomain: z.string(),
    ianaTimezone: z.string(),
    currencyCode: z.string(),
  }),
  unshipped: countSchema,
  partial: countSchema,
  latest: z.object({ nodes: z.array(z.object({ email: z.string().nullable(), customer: z.object({ firstName: z.string().nullable() }).nullable() })) }),
});

export type ShopOverview = Omit<z.infer<typeof overviewSchema>, "latest"> & {
  /** Whether Shopify gives the app customers' emails and names (protected customer data). */
  customerData: CustomerDataAvailability;
};

// The newest order's email and first name double as a probe: a shop whose app is not approved for
// those protected fields answers them redacted (app/admin-api/redactions.ts).
export async function loadShopOverview(admin: AdminGraphql): Promise<ShopOverview> {
  const { data, redacted } = await adminQueryWithRedactions(admin, SHOP_OVERVIEW_QUERY, overviewSchema);
  const { latest: _latest, ...overview } = data;
  return { ...overview, customerData: customerDataAvailability(redacted) };
}
