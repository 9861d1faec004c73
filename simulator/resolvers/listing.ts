// Listing a resource the way Shopify's top-level connections do: `query` search, `sortKey`,
// `reverse`, then cursor pagination; and the matching `xxxCount` fields.
import { responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import { z } from "zod";
import { connectionArgsSchema, paginate, type Connection } from "../connection";
import {
  compileSearch,
  matchBoolean,
  matchDate,
  matchNumber,
  matchText,
  type FieldMatcher,
  type SearchTerm,
} from "../search-query";
import type { CustomerRecord, OrderRecord, ProductRecord, VariantRecord } from "../store/records";
import type { ShopStore } from "../store/shop-store";
import { notSimulated, type Args, type SimulatorContext } from "./define";
import { count } from "./values";
import { orderVisible } from "../access-grant";

export interface Resource<T extends { id: number }> {
  /** Field name used in messages, e.g. "orders". */
  name: string;
  all: (store: ShopStore) => readonly T[];
  /** Search fields; they receive the store so dates can use the shop's time zone. */
  search: (store: ShopStore) => Record<string, FieldMatcher<T>>;
  freeText: FieldMatcher<T>;
  /** Sort key -> value. Keys whose order equals the natural (id) order need no sort. */
  sortKeys: Record<string, { value: (record: T) => number | string; natural?: boolean }>;
  /** Records the request may not see (orders outside the 60-day window, access-grant.ts). */
  visible?: (record: T, context: SimulatorContext) => boolean;
}

const listArgsSchema = connectionArgsSchema.extend({
  query: z.string().nullish(),
  sortKey: z.string().nullish(),
  savedSearchId: z.string().nullish(),
});

const countArgsSchema = z.object({
  query: z.string().nullish(),
  limit: z.number().int().nullish(),
  savedSearchId: z.string().nullish(),
});

export function filterResource<T extends { id: number }>(
  resource: Resource<T>,
  records: readonly T[],
  query: string | null | undefined,
  context: SimulatorContext,
  info: GraphQLResolveInfo,
): T[] {
  const search = compileSearch(query, resource.search(context.store), resource.freeText);
  if (query && search.warnings.length > 0) {
    context.searchReports.push({
      path: responsePathAsArray(info.path),
      query,
      parsed: search.parsed,
      warnings: search.warnings,
    });
  }
  const visible = resource.visible;
  const seen = visible ? records.filter((record) => visible(record, context)) : records;
  return query ? seen.filter(search.matches) : [...seen];
}

export function listResource<T extends { id: number }>(
  resource: Resource<T>,
  rawArgs: Args,
  context: SimulatorContext,
  info: GraphQLResolveInfo,
  records?: readonly T[],
): Connection<T> {
  const args = listArgsSchema.parse(rawArgs);
  if (args.savedSearchId)
    throw notSimulated(info.parentType.name, info.fieldName, "(savedSearchId)");
  const sortKeyName = args.sortKey ?? "ID";
  const sortKey = resource.sortKeys[sortKeyName === "RELEVANCE" ? "ID" : sortKeyName];
  if (!sortKey)
    throw notSimulated(info.parentType.name, info.fieldName, `(sortKey: ${sortKeyName})`);
  // Validate the page size before filtering 100k records for nothing.
  paginate([], args, resource.name, () => ({ id: 0, value: 0 }));
  const filtered = filterResource(
    resource,
    records ?? resource.all(context.store),
    args.query,
    context,
    info,
  );
  const keyOf = (record: T) => ({ id: record.id, value: sortKey.value(record) });
  if (!sortKey.natural) {
    const decorated = filtered.map((record) => ({ record, value: sortKey.value(record) }));
    decorated.sort((a, b) =>
      a.value < b.value ? -1 : a.value > b.value ? 1 : a.record.id - b.record.id,
    );
    filtered.splice(0, filtered.length, ...decorated.map((entry) => entry.record));
  }
  if (args.reverse) filtered.reverse();
  return paginate(filtered, args, resource.name, keyOf, args.reverse ? -1 : 1);
}

/** Shopify counts up to `limit` (default 10000) and reports AT_LEAST beyond it; null means no limit. */
export function countResource<T extends { id: number }>(
  resource: Resource<T>,
  rawArgs: Args,
  context: SimulatorContext,
  info: GraphQLResolveInfo,
) {
  const args = countArgsSchema.parse(rawArgs);
  if (args.savedSearchId)
    throw notSimulated(info.parentType.name, info.fieldName, "(savedSearchId)");
  const matching = filterResource(
    resource,
    resource.all(context.store),
    args.query,
    context,
    info,
  ).length;
  return count(matching, args.limit);
}

// --- orders -----------------------------------------------------------------------------------

function orderFulfillmentMatches(order: OrderRecord, term: SearchTerm): boolean {
  const status = order.fulfillmentStatus;
  switch (term.value.toLowerCase()) {
    case "any":
      return true;
    case "shipped":
    case "fulfilled":
      return status === "FULFILLED";
    case "partial":
      return status === "PARTIALLY_FULFILLED";
    case "unshipped":
      return status === "UNFULFILLED";
    // "unfulfilled" on Shopify covers everything not yet completely shipped.
    case "unfulfilled":
      return status === "UNFULFILLED" || status === "PARTIALLY_FULFILLED";
    case "in_progress":
      return order.fulfillmentOrders.some(
        (fulfillmentOrder) => fulfillmentOrder.status === "IN_PROGRESS",
      );
    case "on_hold":
      return order.fulfillmentOrders.some(
        (fulfillmentOrder) => fulfillmentOrder.status === "ON_HOLD",
      );
    case "scheduled":
      return order.fulfillmentOrders.some(
        (fulfillmentOrder) => fulfillmentOrder.status === "SCHEDULED",
      );
    default:
      return false;
  }
}

function orderStatusMatches(order: OrderRecord, term: SearchTerm): boolean {
  switch (term.value.toLowerCase()) {
    case "any":
      return true;
    case "open":
      return order.closedAt === null && order.cancelledAt === null;
    case "closed":
      return order.closedAt !== null;
    case "not_closed":
      return order.closedAt === null;
    case "cancelled":
    case "canceled":
      return order.cancelledAt !== null;
    default:
      return false;
  }
}

function orderNameMatches(order: OrderRecord, term: SearchTerm): boolean {
  const want = term.value.replace(/^#/, "");
  return matchText(order.name.replace(/^#/, ""), { ...term, value: want });
}

export const ordersResource: Resource<OrderRecord> = {
  name: "orders",
  all: (store) => store.orders,
  visible: (order, context) => orderVisible(context.access, order.createdAt),
  search: (store) => {
    const zone = store.options.timezone;
    const now = store.options.now.getTime();
    const customerOf = (order: OrderRecord) =>
      order.customerId === null ? undefined : store.customer(order.customerId);
    return {
      status: orderStatusMatches,
      fulfillment_status: orderFulfillmentMatches,
      financial_status: (order, term) =>
        term.value.toLowerCase() === "any" ||
        order.financialStatus.toLowerCase() === term.value.toLowerCase(),
      created_at: (order, term) => matchDate(order.createdAt, term, zone, now),
      updated_at: (order, term) => matchDate(order.updatedAt, term, zone, now),
      processed_at: (order, term) => matchDate(order.processedAt, term, zone, now),
      tag: (order, term) => order.tags.some((tag) => matchText(tag, term)),
      tag_not: (order, term) => !order.tags.some((tag) => matchText(tag, term)),
      name: orderNameMatches,
      id: (order, term) => matchNumber(order.id, term),
      email: (order, term) => matchText(order.email, term),
      test: (order, term) => matchBoolean(order.test, term),
      customer_id: (order, term) => matchNumber(order.customerId, term),
      sku: (order, term) => order.lineItems.some((item) => matchText(item.sku, term)),
      source_name: (order, term) => matchText(order.sourceName, term),
      gateway: (order, term) =>
        order.transactions.some((transaction) => matchText(transaction.gateway, term)),
      cancelled_at: (order, term) => matchDate(order.cancelledAt, term, zone, now),
      customer_name: (order, term) => {
        const customer = customerOf(order);
        return customer
          ? matchText(`${customer.firstName} ${customer.lastName}`, term) ||
              matchText(customer.firstName, term) ||
              matchText(customer.lastName, term)
          : false;
      },
    };
  },
  freeText: (order, term) =>
    orderNameMatches(order, term) ||
    matchText(order.email, term) ||
    order.tags.some((tag) => matchText(tag, term)),
  sortKeys: {
    ID: { value: (order) => order.id, natural: true },
    CREATED_AT: { value: (order) => order.createdAt, natural: true },
    PROCESSED_AT: { value: (order) => order.processedAt, natural: true },
    ORDER_NUMBER: { value: (order) => order.number, natural: true },
    UPDATED_AT: { value: (order) => order.updatedAt },
    TOTAL_PRICE: { value: (order) => order.totalCents },
    CURRENT_TOTAL_PRICE: { value: (order) => (order.cancelledAt === null ? order.totalCents : 0) },
    FINANCIAL_STATUS: { value: (order) => order.financialStatus },
    FULFILLMENT_STATUS: { value: (order) => order.fulfillmentStatus },
    TOTAL_ITEMS_QUANTITY: {
      value: (order) => order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
    },
  },
};

// --- products, variants, customers ------------------------------------------------------------

export const productsResource: Resource<ProductRecord> = {
  name: "products",
  all: (store) => store.products,
  search: (store) => {
    const zone = store.options.timezone;
    const now = store.options.now.getTime();
    return {
      title: (product, term) => matchText(product.title, term),
      tag: (product, term) => product.tags.some((tag) => matchText(tag, term)),
      tag_not: (product, term) => !product.tags.some((tag) => matchText(tag, term)),
      product_type: (product, term) => matchText(product.productType, term),
      vendor: (product, term) => matchText(product.vendor, term),
      status: (product, term) =>
        term.value
          .split(",")
          .some((status) => matchText(product.status, { ...term, value: status })),
      handle: (product, term) => matchText(product.handle, term),
      id: (product, term) => matchNumber(product.id, term),
      created_at: (product, term) => matchDate(product.createdAt, term, zone, now),
      updated_at: (product, term) => matchDate(product.updatedAt, term, zone, now),
      sku: (product, term) =>
        product.variantIds.some((id) => matchText(store.variant(id)?.sku, term)),
    };
  },
  freeText: (product, term) =>
    product.title.toLowerCase().includes(term.value.replace(/\*$/, "").toLowerCase()),
  sortKeys: {
    ID: { value: (product) => product.id, natural: true },
    TITLE: { value: (product) => product.title.toLowerCase() },
    CREATED_AT: { value: (product) => product.createdAt },
    UPDATED_AT: { value: (product) => product.updatedAt },
    PRODUCT_TYPE: { value: (product) => product.productType.toLowerCase() },
    VENDOR: { value: (product) => product.vendor.toLowerCase() },
    PUBLISHED_AT: { value: (product) => product.publishedAt ?? 0 },
  },
};

export const variantsResource: Resource<VariantRecord> = {
  name: "productVariants",
  all: (store) => store.variants,
  search: () => ({
    sku: (variant, term) => matchText(variant.sku, term),
    title: (variant, term) => matchText(variant.title, term),
    product_id: (variant, term) => matchNumber(variant.productId, term),
    id: (variant, term) => matchNumber(variant.id, term),
    price: (variant, term) => matchNumber(variant.priceCents / 100, term),
  }),
  freeText: (variant, term) =>
    matchText(variant.sku, term) || variant.title.toLowerCase().includes(term.value.toLowerCase()),
  sortKeys: {
    ID: { value: (variant) => variant.id, natural: true },
    TITLE: { value: (variant) => variant.title.toLowerCase() },
    SKU: { value: (variant) => variant.sku },
    POSITION: { value: (variant) => variant.position },
  },
};

export const customersResource: Resource<CustomerRecord> = {
  name: "customers",
  all: (store) => store.customers,
  search: (store) => {
    const zone = store.options.timezone;
    const now = store.options.now.getTime();
    return {
      email: (customer, term) => matchText(customer.email, term),
      first_name: (customer, term) => matchText(customer.firstName, term),
      last_name: (customer, term) => matchText(customer.lastName, term),
      tag: (customer, term) => customer.tags.some((tag) => matchText(tag, term)),
      id: (customer, term) => matchNumber(customer.id, term),
      created_at: (customer, term) => matchDate(customer.createdAt, term, zone, now),
      updated_at: (customer, term) => matchDate(customer.updatedAt, term, zone, now),
      orders_count: (customer, term) => matchNumber(customer.orderIds.length, term),
      country: (customer, term) => matchText(customer.address.country, term),
    };
  },
  freeText: (customer, term) =>
    [customer.firstName, customer.lastName, customer.email].some((value) => matchText(value, term)),
  sortKeys: {
    ID: { value: (customer) => customer.id, natural: true },
    CREATED_AT: { value: (customer) => customer.createdAt },
    UPDATED_AT: { value: (customer) => customer.updatedAt },
    NAME: { value: (customer) => `${customer.firstName} ${customer.lastName}`.toLowerCase() },
  },
};
