// The shop's primary locale: `shopLocales` lists the locales enabled on the shop, the one with
// `primary: true` is "the default locale for the shop"
// (https://shopify.dev/docs/api/admin-graphql/latest/queries/shopLocales, ShopLocale.primary).
// It needs the `read_locales` scope (the schema's requiredAccess), asked in shopify.app.toml.
import { z } from "zod";
import { AdminApiError } from "../admin-api/admin-errors";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";

export const SHOP_LOCALES_QUERY = `#graphql
  query ShopLocales {
    shopLocales(published: true) {
      locale
      primary
    }
  }
`;

const shopLocalesSchema = z.object({
  shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean() })),
});

/** The primary locale's ISO code ("en", "fr", "pt-BR"); null if the shop reports none. */
export async function shopPrimaryLocale(admin: AdminGraphql): Promise<string | null> {
  try {
    const data = await adminQuery(admin, SHOP_LOCALES_QUERY, shopLocalesSchema);
    return data.shopLocales.find((locale) => locale.primary)?.locale ?? null;
  } catch (error) {
    // A shop installed before read_locales was asked has not granted it until the merchant
    // accepts the new scope; Shopify answers ACCESS_DENIED. Notices must still go out, in the
    // customer's language or English, so the primary locale is then unknown, not an error.
    if (error instanceof AdminApiError && error.details.some((d) => d.code === "ACCESS_DENIED"))
      return null;
    throw error;
  }
}
