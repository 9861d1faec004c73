// Root query fields.
import { z } from "zod";
import { parseGid } from "../gid";
import { defineType } from "./define";
import {
  countResource,
  customersResource,
  listResource,
  ordersResource,
  productsResource,
  variantsResource,
} from "./listing";

const idArgs = z.object({ id: z.string() });
const idsArgs = z.object({ ids: z.array(z.string()) });
const isRoot = (value: unknown): value is unknown =>
  value === undefined || value === null || typeof value === "object";

function lookup(type: string) {
  return (
    _root: unknown,
    rawArgs: Record<string, unknown>,
    context: { store: { findNode: (type: string, id: number) => unknown } },
  ) => {
    const gid = parseGid(idArgs.parse(rawArgs).id);
    return gid && gid.type === type ? (context.store.findNode(type, gid.id) ?? null) : null;
  };
}

export const queryRootType = defineType("QueryRoot", isRoot, {
  shop: (_root, _args, context) => context.store.shop,
  // "Returns the locales enabled on a shop"; `published: true` keeps those "visible to buyers"
  // (https://shopify.dev/docs/api/admin-graphql/latest/queries/shopLocales).
  shopLocales: (_root, rawArgs, context) => {
    const { published } = z.object({ published: z.boolean().nullish() }).parse(rawArgs);
    const locales = context.store.shop.locales ?? [
      { locale: "en", primary: true, published: true },
    ];
    return locales
      .filter((locale) => !published || locale.published)
      .map((locale) => ({
        ...locale,
        name:
          new Intl.DisplayNames(["en"], { type: "language" }).of(locale.locale) ?? locale.locale,
        marketWebPresences: [],
      }));
  },
  order: lookup("Order"),
  orders: (_root, args, context, info) => listResource(ordersResource, args, context, info),
  ordersCount: (_root, args, context, info) => countResource(ordersResource, args, context, info),
  product: lookup("Product"),
  products: (_root, args, context, info) => listResource(productsResource, args, context, info),
  productsCount: (_root, args, context, info) =>
    countResource(productsResource, args, context, info),
  productVariant: lookup("ProductVariant"),
  productVariants: (_root, args, context, info) =>
    listResource(variantsResource, args, context, info),
  productVariantsCount: (_root, args, context, info) =>
    countResource(variantsResource, args, context, info),
  customer: lookup("Customer"),
  customers: (_root, args, context, info) => listResource(customersResource, args, context, info),
  customersCount: (_root, args, context, info) =>
    countResource(customersResource, args, context, info),
  fulfillmentOrder: lookup("FulfillmentOrder"),
  collection: lookup("Collection"),
  location: (_root, rawArgs, context) => {
    const id = z.object({ id: z.string().nullish() }).parse(rawArgs).id;
    if (!id) return context.store.primaryLocation();
    const gid = parseGid(id);
    return gid && gid.type === "Location" ? (context.store.location(gid.id) ?? null) : null;
  },
  node: (_root, rawArgs, context) => {
    const gid = parseGid(idArgs.parse(rawArgs).id);
    return gid ? (context.store.findNode(gid.type, gid.id) ?? null) : null;
  },
  nodes: (_root, rawArgs, context) =>
    idsArgs.parse(rawArgs).ids.map((id) => {
      const gid = parseGid(id);
      return gid ? (context.store.findNode(gid.type, gid.id) ?? null) : null;
    }),
});
