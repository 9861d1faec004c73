// What App Bridge's resource picker shows and returns, for the simulated admin's picker
// (admin-frame.ts draws it; public/app-bridge.js's shopify.resourcePicker asks for it). Shopify's
// picker searches the shop itself; this answers `GET /<shop>/admin/resource-picker?type=&query=`
// (NOT a Shopify route) from the store, for `type` collection, product or variant, as
// `shopify.resourcePicker({ type })` takes them. The records have the shapes
// `@shopify/app-bridge-types` gives a picked Collection, Product and ProductVariant (its
// `Collection`, `Product` and `ProductVariant` interfaces; a Product carries the variants picked
// with it, all of them when the product itself is ticked), so the app reads what Shopify returns:
// https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api
import { toGid } from "./gid";
import type { ProductRecord, VariantRecord } from "./store/records";
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

export interface PickedVariantOfProduct {
  id: string;
  title: string;
  displayName: string;
  sku: string;
  price: string;
  position: number;
}

export interface PickedProduct {
  id: string;
  title: string;
  handle: string;
  availablePublicationCount: number;
  createdAt: string;
  updatedAt: string;
  descriptionHtml: string;
  hasOnlyDefaultVariant: boolean;
  images: never[];
  options: { id: string; name: string; position: number; values: string[] }[];
  productType: string;
  publishedAt: string | null;
  tags: string[];
  templateSuffix: null;
  totalInventory: number;
  totalVariants: number;
  tracksInventory: boolean;
  variants: PickedVariantOfProduct[];
  vendor: string;
  status: ProductRecord["status"];
}

export interface PickedVariant {
  id: string;
  title: string;
  displayName: string;
  availableForSale: boolean;
  barcode: null;
  compareAtPrice: null;
  createdAt: string;
  updatedAt: string;
  image: null;
  inventoryItem: { id: string };
  inventoryManagement: "SHOPIFY";
  inventoryPolicy: "DENY";
  inventoryQuantity: number;
  position: number;
  price: string;
  product: { id: string; title: string; handle: string };
  requiresShipping: boolean;
  selectedOptions: { value: string }[];
  sku: string;
  taxable: boolean;
  weight: null;
  weightUnit: "KILOGRAMS";
}

const price = (cents: number) => (cents / 100).toFixed(2);

/** "Bifold wallet - Tan", or the product's title alone for its only ("Default Title") variant. */
function displayNameOf(product: ProductRecord, variant: VariantRecord): string {
  return variant.title === "Default Title" ? product.title : `${product.title} - ${variant.title}`;
}

function matches(needle: string, ...fields: string[]): boolean {
  return needle === "" || fields.some((field) => field.toLowerCase().includes(needle));
}

function variantsOf(store: ShopStore, product: ProductRecord): VariantRecord[] {
  return product.variantIds
    .map((id) => store.variant(id))
    .filter((v): v is VariantRecord => v !== undefined)
    .sort((a, b) => a.position - b.position);
}

/** Products whose title, handle or tag contains the query (case-insensitive), by title. */
export function pickableProducts(store: ShopStore, query: string): PickedProduct[] {
  const needle = query.trim().toLowerCase();
  return store.products
    .filter((p) => matches(needle, p.title, p.handle, ...p.tags))
    .sort((a, b) => a.title.localeCompare(b.title))
    .map((p) => {
      const variants = variantsOf(store, p);
      const onlyDefault = variants.length === 1 && variants[0]?.title === "Default Title";
      return {
        id: toGid("Product", p.id),
        title: p.title,
        handle: p.handle,
        availablePublicationCount: 1,
        createdAt: new Date(p.createdAt).toISOString(),
        updatedAt: new Date(p.updatedAt).toISOString(),
        descriptionHtml: p.description,
        hasOnlyDefaultVariant: onlyDefault,
        images: [],
        options: [
          {
            id: toGid("ProductOption", p.id),
            name: onlyDefault ? "Title" : p.optionName,
            position: 1,
            values: variants.map((v) => v.title),
          },
        ],
        productType: p.productType,
        publishedAt: p.publishedAt === null ? null : new Date(p.publishedAt).toISOString(),
        tags: [...p.tags],
        templateSuffix: null,
        totalInventory: variants.reduce((sum, v) => sum + v.inventoryQuantity, 0),
        totalVariants: variants.length,
        tracksInventory: true,
        variants: variants.map((v) => ({
          id: toGid("ProductVariant", v.id),
          title: v.title,
          displayName: displayNameOf(p, v),
          sku: v.sku,
          price: price(v.priceCents),
          position: v.position,
        })),
        vendor: p.vendor,
        status: p.status,
      };
    });
}

/** Variants whose product title, variant title or SKU contains the query, by display name. */
export function pickableVariants(store: ShopStore, query: string): PickedVariant[] {
  const needle = query.trim().toLowerCase();
  const picked: PickedVariant[] = [];
  for (const p of store.products)
    for (const v of variantsOf(store, p)) {
      const displayName = displayNameOf(p, v);
      if (!matches(needle, displayName, v.sku)) continue;
      picked.push({
        id: toGid("ProductVariant", v.id),
        title: v.title,
        displayName,
        availableForSale: p.status === "ACTIVE",
        barcode: null,
        compareAtPrice: null,
        createdAt: new Date(v.createdAt).toISOString(),
        updatedAt: new Date(v.updatedAt).toISOString(),
        image: null,
        inventoryItem: { id: toGid("InventoryItem", v.id) },
        inventoryManagement: "SHOPIFY",
        inventoryPolicy: "DENY",
        inventoryQuantity: v.inventoryQuantity,
        position: v.position,
        price: price(v.priceCents),
        product: { id: toGid("Product", p.id), title: p.title, handle: p.handle },
        requiresShipping: true,
        selectedOptions: [{ value: v.title }],
        sku: v.sku,
        taxable: true,
        weight: null,
        weightUnit: "KILOGRAMS",
      });
    }
  return picked.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** What the picker lists for a type App Bridge offers, or null for one it does not. */
export function pickableResources(
  store: ShopStore,
  type: string | null,
  query: string,
): PickedCollection[] | PickedProduct[] | PickedVariant[] | null {
  switch (type) {
    case "collection":
      return pickableCollections(store, query);
    case "product":
      return pickableProducts(store, query);
    case "variant":
      return pickableVariants(store, query);
    default:
      return null;
  }
}
