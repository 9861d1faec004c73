// What the simulated admin's resource picker lists, over HTTP: the shop's collections, searched by
// title or handle, each shaped as @shopify/app-bridge-types' `Collection` (what App Bridge's
// resourcePicker resolves to: https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api).
import type { Collection, Product, ProductVariant } from "@shopify/app-bridge-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "./index";
import type { PickedCollection, PickedProduct, PickedVariant } from "./resource-picker";

const shop = "oak-and-hide.myshopify.com";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    app: {
      apiKey: "k",
      apiSecret: "s",
      appUrl: "https://delay-desk.test",
      scopes: "read_products",
    },
    shops: [{ domain: shop, orders: 5, seed: 5 }],
  });
});
afterAll(async () => {
  await sim?.close();
});

// A compile-time check: every field App Bridge's Collection has, the simulator's record has too
// (its sortOrder enum as the string JSON carries).
type CollectionAsJson = Omit<Collection, "sortOrder"> & { sortOrder: `${Collection["sortOrder"]}` };
const asAppBridgeSees = (picked: PickedCollection): CollectionAsJson => picked;

type ProductAsJson = Omit<Product, "status"> & { status: `${Product["status"]}` };
const asAppBridgeProduct = (picked: PickedProduct): ProductAsJson => picked;
type VariantAsJson = Omit<
  ProductVariant,
  "inventoryManagement" | "inventoryPolicy" | "weightUnit" | "fulfillmentService"
> & {
  inventoryManagement: `${ProductVariant["inventoryManagement"]}`;
  inventoryPolicy: `${ProductVariant["inventoryPolicy"]}`;
  weightUnit: `${ProductVariant["weightUnit"]}`;
};
const asAppBridgeVariant = (picked: PickedVariant): VariantAsJson => picked;

async function pickableOf<T, U>(type: string, query: string, check: (picked: T) => U) {
  const response = await fetch(
    `${sim.origin}/${shop}/admin/resource-picker?${new URLSearchParams({ type, query })}`,
  );
  expect(response.status).toBe(200);
  const body: { resources: T[] } = await response.json();
  return body.resources.map(check);
}

async function pickable(query: string) {
  const response = await fetch(
    `${sim.origin}/${shop}/admin/resource-picker?${new URLSearchParams({ type: "collection", query })}`,
  );
  expect(response.status).toBe(200);
  const body: { resources: PickedCollection[] } = await response.json();
  return body.resources.map(asAppBridgeSees);
}

describe("the simulated resource picker", () => {
  it("lists the shop's collections by title with their GIDs and product counts, and narrows them by a search on title or handle", async () => {
    const store = sim.stores.get(shop);
    if (!store) throw new Error("no store");
    const all = await pickable("");
    expect(all.map((c) => c.title)).toEqual(store.collections.map((c) => c.title).sort());
    const first = store.collections[0];
    if (!first) throw new Error("no collection");
    const found = all.find((c) => c.id === `gid://shopify/Collection/${first.id}`);
    expect(found?.productsCount).toBe(
      store.products.filter((p) => p.collectionIds.includes(first.id)).length,
    );
    const narrowed = await pickable(first.title.slice(0, 3).toUpperCase());
    expect(narrowed.map((c) => c.title)).toContain(first.title);
    expect(
      narrowed.every(
        (c) =>
          c.title.toLowerCase().includes(first.title.slice(0, 3).toLowerCase()) ||
          c.handle.includes(first.title.slice(0, 3).toLowerCase()),
      ),
    ).toBe(true);
  });

  it("answers 400 for a resource type App Bridge's picker does not offer", async () => {
    // ResourcePickerOptions.type is 'product' | 'variant' | 'collection' (same page as above).
    const response = await fetch(`${sim.origin}/${shop}/admin/resource-picker?type=customer`);
    expect(response.status).toBe(400);
  });

  it("lists products by title with their GIDs, tags and every variant, narrowed by a search on title, handle or tag", async () => {
    const store = sim.stores.get(shop);
    const product = store?.products.find((p) => p.variantIds.length > 1);
    if (!store || !product) throw new Error("no product with several variants");
    const all = await pickableOf("product", "", asAppBridgeProduct);
    expect(all.map((p) => p.title)).toEqual(store.products.map((p) => p.title).sort());
    const found = all.find((p) => p.id === `gid://shopify/Product/${product.id}`);
    expect(found?.totalVariants).toBe(product.variantIds.length);
    expect(found?.variants.map((v) => v.id)).toEqual(
      product.variantIds
        .map((id) => store.variant(id))
        .sort((a, b) => (a?.position ?? 0) - (b?.position ?? 0))
        .map((v) => `gid://shopify/ProductVariant/${v?.id}`),
    );
    const narrowed = await pickableOf("product", product.handle.toUpperCase(), asAppBridgeProduct);
    expect(narrowed.map((p) => p.id)).toContain(found?.id);
    expect(narrowed.length).toBeLessThan(all.length);
  });

  it("lists variants by display name (product - variant), each naming its product, narrowed by a search", async () => {
    const store = sim.stores.get(shop);
    const product = store?.products.find((p) => p.variantIds.length > 1);
    const variant = product ? store?.variant(product.variantIds[1] ?? -1) : undefined;
    if (!store || !product || !variant) throw new Error("no product with several variants");
    const all = await pickableOf("variant", "", asAppBridgeVariant);
    expect(all).toHaveLength(store.variants.length);
    const found = all.find((v) => v.id === `gid://shopify/ProductVariant/${variant.id}`);
    expect(found?.displayName).toBe(`${product.title} - ${variant.title}`);
    expect(found?.product.id).toBe(`gid://shopify/Product/${product.id}`);
    const narrowed = await pickableOf("variant", variant.sku, asAppBridgeVariant);
    expect(narrowed.map((v) => v.id)).toEqual([found?.id]);
  });
});
