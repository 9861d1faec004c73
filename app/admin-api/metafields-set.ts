// The one metafieldsSet document the app sends, for both of its metafields: the storefront notice
// on the app installation (no scope beyond the app's own data) and the order status on an order
// (write_orders, "the same access level needed to mutate the owner resource", the schema's
// metafieldsSet access description).
import { z } from "zod";

/**
 * "Allows a maximum of 25 metafields to be set at a time" (the metafieldsSet description in
 * graphql/admin-2026-10.schema.json; https://shopify.dev/docs/api/admin-graphql/latest/mutations/metafieldsSet).
 */
export const METAFIELDS_SET_LIMIT = 25;

export const METAFIELDS_SET_MUTATION = `#graphql
  mutation SetAppMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export const metafieldsSetData = z.object({
  metafieldsSet: z
    .object({
      userErrors: z.array(
        z.object({
          field: z.array(z.string()).nullable(),
          message: z.string(),
          code: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});

/** Shopify's refusal in one line (field paths and messages, never the value), or null if taken. */
export function metafieldsSetRefusal(data: z.infer<typeof metafieldsSetData>): string | null {
  const payload = data.metafieldsSet;
  if (!payload) return "Shopify returned no result.";
  if (payload.userErrors.length === 0) return null;
  return payload.userErrors
    .map((e) => (e.field ? `${e.field.join(".")}: ${e.message}` : e.message))
    .join("; ");
}
