// The variants staff can give as a free add-on: in-stock items first (a made-to-order add-on would
// only add to the backlog the customer is already waiting on).
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";
import { formatMoney } from "../jobs/money";

export const ADD_ON_VARIANTS = `#graphql
  query RemedyAddOnVariants {
    shop { currencyCode }
    productVariants(first: 50) {
      nodes { id title price inventoryQuantity product { title } }
    }
  }
`;

const variantsData = z.object({
  shop: z.object({ currencyCode: z.string() }),
  productVariants: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        price: z.string(),
        inventoryQuantity: z.number().nullable(),
        product: z.object({ title: z.string() }),
      }),
    ),
  }),
});

export interface AddOnVariant {
  id: string;
  label: string;
}

export async function addOnVariants(admin: AdminGraphql, locale = "en"): Promise<AddOnVariant[]> {
  const data = await adminQuery(admin, ADD_ON_VARIANTS, variantsData);
  // ProductVariant.price is in the shop's currency, which is what staff think in.
  const currency = data.shop.currencyCode;
  return [...data.productVariants.nodes]
    .sort((a, b) => (b.inventoryQuantity ?? 0) - (a.inventoryQuantity ?? 0))
    .map((v) => ({
      id: v.id,
      label: `${v.product.title}${v.title === "Default Title" ? "" : ` — ${v.title}`} (${formatMoney(v.price, currency, locale)}, ${v.inventoryQuantity ?? 0} in stock)`,
    }));
}
