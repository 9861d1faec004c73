// The titles of the collections the lead-time overrides name, so the settings page shows
// "Wallets" where the rules keep gid://shopify/Collection/…. One `nodes(ids:)` read; a collection
// deleted in Shopify comes back null and is shown as such, not dropped (its override still
// applies to orders placed while it existed).
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";

export const COLLECTION_TITLES_QUERY = `#graphql
  query SettingsCollectionTitles($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Collection {
        id
        title
      }
    }
  }
`;

const titlesSchema = z.object({
  nodes: z.array(z.object({ id: z.string().optional(), title: z.string().optional() }).nullable()),
});

/** Title by collection GID; a GID Shopify no longer knows is absent. */
export async function collectionTitles(
  admin: AdminGraphql,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter((id) => id.startsWith("gid://shopify/Collection/")))];
  if (wanted.length === 0) return {};
  const data = await adminQuery(admin, COLLECTION_TITLES_QUERY, titlesSchema, { ids: wanted });
  const titles: Record<string, string> = {};
  for (const node of data.nodes)
    if (node?.id !== undefined && node.title !== undefined) titles[node.id] = node.title;
  return titles;
}
