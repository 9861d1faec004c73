// What App Bridge's resource picker shows and returns, for the simulated admin's picker
// (admin-frame.ts draws it; public/app-bridge.js's shopify.resourcePicker asks for it). Shopify's
// picker searches the shop itself; this answers `GET /<shop>/admin/resource-picker?type=&query=`
// (NOT a Shopify route) from the store. The records have the shape `@shopify/app-bridge-types`
// gives a picked Collection (its `Collection` interface), so the app reads what Shopify returns:
// https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api
import { toGid } from "./gid";
import type { ShopStore } from "./store/shop-store";

export interface PickedCollection {
  id: string;
  title: string;
  handle: string;
  description: string;
  descriptionHtml: string;
  image: null;
  productsCount: number;
  productsManuallySortedCount: number;
  productsAutomaticallySortedCount: number;
  availablePublicationCount: number;
  publicationCount: number;
  ruleSet: null;
  seo: { title: null; description: null };
  sortOrder: "MANUAL";
  storefrontId: string;
  templateSuffix: null;
  updatedAt: string;
}

/** Collections whose title or handle contains the query (case-insensitive), by title. */
export function pickableCollections(store: ShopStore, query: string): PickedCollection[] {
  const needle = query.trim().toLowerCase();
  return store.collections
    .filter(
      (c) =>
        needle === "" ||
        c.title.toLowerCase().includes(needle) ||
        c.handle.toLowerCase().includes(needle),
    )
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((c) => {
      const id = toGid("Collection", c.id);
      const productsCount = store.products.filter((p) => p.collectionIds.includes(c.id)).length;
      return {
        id,
        title: c.title,
        handle: c.handle,
        description: "",
        descriptionHtml: "",
        image: null,
        productsCount,
        productsManuallySortedCount: productsCount,
        productsAutomaticallySortedCount: 0,
        availablePublicationCount: 1,
        publicationCount: 1,
        ruleSet: null,
        seo: { title: null, description: null },
        sortOrder: "MANUAL",
        storefrontId: Buffer.from(id).toString("base64"),
        templateSuffix: null,
        updatedAt: new Date(c.updatedAt).toISOString(),
      };
    });
}
