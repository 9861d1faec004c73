// What the home page shows: who the shop is and how many orders are waiting to ship.
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";

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
});

export type ShopOverview = z.infer<typeof overviewSchema>;

export function loadShopOverview(admin: AdminGraphql): Promise<ShopOverview> {
  return adminQuery(admin, SHOP_OVERVIEW_QUERY, overviewSchema);
}
