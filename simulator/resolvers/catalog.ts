// Products, variants and collections.
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import { toGid } from "../gid";
import type { CollectionRecord, ProductRecord, VariantRecord } from "../store/records";
import { defineType, hasTypename, notSimulated, type SimulatorContext } from "./define";
import { count, decimal, iso, moneyV2 } from "./values";

const variantsArgs = connectionArgsSchema.extend({ sortKey: z.string().nullish() });
const firstArgs = z.object({ first: z.number().int().nullish() });

function variantsOf(product: ProductRecord, context: SimulatorContext): VariantRecord[] {
  return product.variantIds.flatMap((id) => context.store.variant(id) ?? []);
}

export const productType = defineType("Product", hasTypename<ProductRecord>("Product"), {
  id: (product) => toGid("Product", product.id),
  legacyResourceId: (product) => String(product.id),
  title: (product) => product.title,
  handle: (product) => product.handle,
  vendor: (product) => product.vendor,
  productType: (product) => product.productType,
  description: (product) => product.description,
  descriptionHtml: (product) => `<p>${product.description.replace(/&/g, "&amp;")}</p>`,
  tags: (product) => product.tags,
  status: (product) => product.status,
  createdAt: (product) => iso(product.createdAt),
  updatedAt: (product) => iso(product.updatedAt),
  publishedAt: (product) => iso(product.publishedAt),
  isGiftCard: () => false,
  requiresSellingPlan: () => false,
  tracksInventory: () => true,
  templateSuffix: () => null,
  onlineStoreUrl: (product, _args, context) =>
    `https://${context.store.shop.primaryDomainHost}/products/${product.handle}`,
  hasOnlyDefaultVariant: (product, _args, context) =>
    variantsOf(product, context).every((variant) => variant.title === "Default Title"),
  hasOutOfStockVariants: (product, _args, context) =>
    product.makeDays === 0 &&
    variantsOf(product, context).some((variant) => variant.inventoryQuantity <= 0),
  totalInventory: (product, _args, context) =>
    variantsOf(product, context).reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
  variantsCount: (product) => count(product.variantIds.length, null),
  options: (product, rawArgs, context) => {
    const args = firstArgs.parse(rawArgs);
    const values = variantsOf(product, context).map((variant) => variant.title);
    const options = [
      { id: toGid("ProductOption", product.id), name: product.optionName, position: 1, values },
    ];
    return args.first === null || args.first === undefined ? options : options.slice(0, args.first);
  },
  priceRangeV2: (product, _args, context) => {
    const prices = variantsOf(product, context).map((variant) => variant.priceCents);
    // Catalogue prices are in the shop's currency.
    const currency = context.store.shop.currencyCode;
    return {
      minVariantPrice: moneyV2(Math.min(...prices), currency),
      maxVariantPrice: moneyV2(Math.max(...prices), currency),
    };
  },
  variants: (product, rawArgs, context) => {
    const args = variantsArgs.parse(rawArgs);
    if (args.sortKey && args.sortKey !== "POSITION" && args.sortKey !== "ID")
      throw notSimulated("Product", "variants", `(sortKey: ${args.sortKey})`);
    // Variant ids follow their position in the seed, so both keys give the same order.
    const list = variantsOf(product, context).sort((a, b) => a.position - b.position);
    if (args.reverse) list.reverse();
    return paginate(
      list,
      args,
      "variants",
      (variant) => ({ id: variant.id, value: variant.position }),
      args.reverse ? -1 : 1,
    );
  },
  collections: (product, rawArgs, context) => {
    const args = connectionArgsSchema.parse(rawArgs);
    const list = product.collectionIds.flatMap((id) => context.store.collection(id) ?? []);
    if (args.reverse) list.reverse();
    return paginate(
      list,
      args,
      "collections",
      (collection) => ({ id: collection.id, value: collection.id }),
      args.reverse ? -1 : 1,
    );
  },
});

export const variantType = defineType(
  "ProductVariant",
  hasTypename<VariantRecord>("ProductVariant"),
  {
    id: (variant) => toGid("ProductVariant", variant.id),
    legacyResourceId: (variant) => String(variant.id),
    title: (variant) => variant.title,
    displayName: (variant, _args, context) =>
      `${context.store.product(variant.productId)?.title ?? ""} - ${variant.title}`,
    sku: (variant) => variant.sku,
    barcode: () => null,
    price: (variant) => decimal(variant.priceCents),
    compareAtPrice: () => null,
    position: (variant) => variant.position,
    inventoryQuantity: (variant) => variant.inventoryQuantity,
    // Made-to-order variants sell at zero stock (inventory policy CONTINUE).
    inventoryPolicy: (variant, _args, context) =>
      (context.store.product(variant.productId)?.makeDays ?? 0) > 0 ? "CONTINUE" : "DENY",
    availableForSale: (variant, _args, context) =>
      (context.store.product(variant.productId)?.makeDays ?? 0) > 0 ||
      variant.inventoryQuantity > 0,
    taxable: () => true,
    createdAt: (variant) => iso(variant.createdAt),
    updatedAt: (variant) => iso(variant.updatedAt),
    selectedOptions: (variant, _args, context) => [
      {
        name: context.store.product(variant.productId)?.optionName ?? "Title",
        value: variant.title,
      },
    ],
    product: (variant, _args, context) => {
      const product = context.store.product(variant.productId);
      if (!product)
        throw new Error(`Simulator store is inconsistent: no product ${variant.productId}`);
      return product;
    },
  },
);

export const collectionType = defineType(
  "Collection",
  hasTypename<CollectionRecord>("Collection"),
  {
    id: (collection) => toGid("Collection", collection.id),
    legacyResourceId: (collection) => String(collection.id),
    title: (collection) => collection.title,
    handle: (collection) => collection.handle,
    updatedAt: (collection) => iso(collection.updatedAt),
    productsCount: (collection, _args, context) =>
      count(
        context.store.products.filter((product) => product.collectionIds.includes(collection.id))
          .length,
        null,
      ),
  },
);
