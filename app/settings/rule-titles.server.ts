// The titles of what the lead-time rules name, so the settings page shows "Wallets", "Bifold
// wallet" or "Bifold wallet - Tan" where the rules keep gid://shopify/…. One `nodes(ids:)` read
// (a variant by its displayName, "product title - variant title", as the admin lists it); an id
// deleted in Shopify comes back null and is shown as such, not dropped (its rule still applies to
// orders placed while it existed).
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";

export const RULE_TITLES_QUERY = `#graphql
  query SettingsRuleTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Collection {
        id
        title
      }
      ... on Product {
        id
        title
      }
      ... on ProductVariant {
        id
        title: displayName
      }
    }
  }
`;

const titlesSchema = z.object({
  nodes: z.array(z.object({ id: z.string().optional(), title: z.string().optional() }).nullable()),
});

const RULE_GID = /^gid:\/\/shopify\/(Collection|Product|ProductVariant)\/\d+$/;

/** Title by collection, product or variant GID; a GID Shopify no longer knows is absent. */
export async function ruleTitles(
  admin: AdminGraphql,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id) => RULE_GID.test(id)))];
  if (wanted.length === 0) return {};
  const data = await adminQuery(admin, RULE_TITLES_QUERY, titlesSchema, { ids: wanted });
  const titles: Record<string, string> = {};
  for (const node of data.nodes) {
    if (node?.id !== undefined && node.title !== undefined) titles[node.id] = node.title;
  }
  return titles;
}
