// One Shopify order, as every import path reads it (bulk JSONL joined, one order re-read after a
// webhook, a reconcile page), and the TrackedOrder row made from it. One shape, one mapping, so
// the three paths cannot disagree about what an order's units or promise are.
import { z } from "zod";
import { parserOf } from "../admin-api/operations";
import type {
  TrackedFulfillmentOrderFieldsFragment,
  TrackedLineItemFieldsFragment,
  TrackedOrderFieldsFragment,
} from "../types/admin.generated";

/**
 * The fields every import path reads, once. Each document spreads them and writes only its
 * connections (sizes differ: a page must stay under Shopify's 1,000-point query limit; a bulk query
 * takes no `first` and reads `edges`). Interpolated at the end of a document, as Shopify's codegen
 * preset resolves `${NAME}` to that document's text (@shopify/graphql-codegen, pluck.js).
 */
export const TRACKED_ORDER_FRAGMENTS = `#graphql
  fragment TrackedOrderFields on Order {
    id
    name
    createdAt
    updatedAt
    cancelledAt
    closedAt
    displayFulfillmentStatus
    displayFinancialStatus
    email
    tags
    customer {
      firstName
      lastName
    }
    customerLocale
    currentTotalPriceSet {
      shopMoney {
        amount
        currencyCode
      }
      presentmentMoney {
        amount
        currencyCode
      }
    }
  }
  fragment TrackedLineItemFields on LineItem {
    id
    title
    sku
    quantity
    unfulfilledQuantity
    product {
      id
      tags
    }
    variant {
      id
    }
  }
  fragment TrackedFulfillmentOrderFields on FulfillmentOrder {
    status
    fulfillBy
  }
`;

const moneyV2 = z.object({ amount: z.string(), currencyCode: z.string() });
// Shop money for staff, presentment money (the buyer's currency) for what the buyer reads.
const moneySchema = z.object({ shopMoney: moneyV2, presentmentMoney: moneyV2 });

/** A line item's own fields (TrackedLineItemFields), the same in every document. */
export const lineItemFieldsSchema = parserOf<TrackedLineItemFieldsFragment>()(
  z.object({
    id: z.string(),
    title: z.string(),
    sku: z.string().nullable(),
    quantity: z.number().int(),
    unfulfilledQuantity: z.number().int(),
    product: z.object({ id: z.string(), tags: z.array(z.string()) }).nullable(),
    // For lead-time rules by variant; null once the variant is deleted in Shopify. Absent in a
    // bulk file whose operation the previous version of the app started (its query did not ask).
    variant: z.object({ id: z.string() }).nullish(),
  }),
);

export const fulfillmentOrderFieldsSchema = parserOf<TrackedFulfillmentOrderFieldsFragment>()(
  z.object({ status: z.string(), fulfillBy: z.string().nullable() }),
);

export const importedLineItemSchema = lineItemFieldsSchema.extend({
  product: z
    .object({ id: z.string(), tags: z.array(z.string()), collectionIds: z.array(z.string()) })
    .nullable(),
});

/** The order's own fields (TrackedOrderFields): the bulk JSONL, a single-order read, a page. */
const orderFields = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  displayFulfillmentStatus: z.string(),
  displayFinancialStatus: z.string().nullable(),
  email: z.string().nullable(),
  tags: z.array(z.string()),
  customer: z
    .object({ firstName: z.string().nullable(), lastName: z.string().nullable() })
    .nullable(),
  customerLocale: z.string().nullable(),
  currentTotalPriceSet: moneySchema,
});
export const orderFieldsSchema = parserOf<TrackedOrderFieldsFragment>()(orderFields);

export const importedOrderSchema = orderFieldsSchema.extend({
  lineItems: z.array(importedLineItemSchema),
  fulfillmentOrders: z.array(fulfillmentOrderFieldsSchema),
});

export type ImportedLineItem = z.infer<typeof importedLineItemSchema>;
export type ImportedOrder = z.infer<typeof importedOrderSchema>;

/** The columns the import owns; the forecast columns are left to reforecastShop. */
export interface TrackedOrderImport {
  shop: string;
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  closedAt: Date | null;
  displayFulfillmentStatus: string;
  displayFinancialStatus: string | null;
  email: string | null;
  customerFirstName: string | null;
  customerLastName: string | null;
  totalAmount: string;
  currencyCode: string;
  presentmentAmount: string;
  presentmentCurrencyCode: string;
  customerLocale: string | null;
  unitsOrdered: number;
  unitsRemaining: number;
  fulfillBy: Date | null;
  lineItems: string;
  tags: string;
  syncedAt: Date;
}

// Fulfillment orders that still promise something; closed, cancelled or incomplete ones do not.
const OPEN_FULFILLMENT_STATUSES = new Set(["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD"]);

/** The earliest fulfillBy among the order's open fulfillment orders: the promise Shopify knows. */
export function earliestOpenFulfillBy(
  fulfillmentOrders: ImportedOrder["fulfillmentOrders"],
): Date | null {
  let earliest: Date | null = null;
  for (const fo of fulfillmentOrders) {
    if (!OPEN_FULFILLMENT_STATUSES.has(fo.status) || fo.fulfillBy === null) continue;
    const at = new Date(fo.fulfillBy);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest;
}

export function trackedOrderRow(
  shop: string,
  order: ImportedOrder,
  syncedAt: Date,
): TrackedOrderImport {
  const lineItems = order.lineItems.map((item) => ({
    id: item.id,
    title: item.title,
    sku: item.sku,
    quantity: item.quantity,
    remaining: Math.max(0, item.unfulfilledQuantity),
    productId: item.product?.id ?? null,
    // Only when known, so rows of lines without a variant (custom lines) stay as they were.
    ...(item.variant ? { variantId: item.variant.id } : {}),
    productTags: item.product?.tags ?? [],
    collectionIds: item.product?.collectionIds ?? [],
  }));
  return {
    shop,
    id: order.id,
    name: order.name,
    createdAt: new Date(order.createdAt),
    updatedAt: new Date(order.updatedAt),
    cancelledAt: order.cancelledAt ? new Date(order.cancelledAt) : null,
    closedAt: order.closedAt ? new Date(order.closedAt) : null,
    displayFulfillmentStatus: order.displayFulfillmentStatus,
    displayFinancialStatus: order.displayFinancialStatus,
    email: order.email,
    customerFirstName: order.customer?.firstName ?? null,
    customerLastName: order.customer?.lastName ?? null,
    totalAmount: order.currentTotalPriceSet.shopMoney.amount,
    currencyCode: order.currentTotalPriceSet.shopMoney.currencyCode,
    presentmentAmount: order.currentTotalPriceSet.presentmentMoney.amount,
    presentmentCurrencyCode: order.currentTotalPriceSet.presentmentMoney.currencyCode,
    customerLocale: order.customerLocale,
    unitsOrdered: lineItems.reduce((sum, item) => sum + item.quantity, 0),
    unitsRemaining: lineItems.reduce((sum, item) => sum + item.remaining, 0),
    fulfillBy: earliestOpenFulfillBy(order.fulfillmentOrders),
    lineItems: JSON.stringify(lineItems),
    tags: JSON.stringify(order.tags),
    syncedAt,
  };
}

const nodesOf = <T extends z.ZodTypeAny>(node: T) => z.object({ nodes: z.array(node) });

/**
 * An order as the paged GraphQL documents return it (connections with `nodes`), turned into the
 * common shape. `lineItemsComplete` is false when the page cut the line items short.
 */
export const pagedOrderSchema = orderFieldsSchema
  .extend({
    lineItems: nodesOf(
      lineItemFieldsSchema.extend({
        product: z
          .object({
            id: z.string(),
            tags: z.array(z.string()),
            collections: nodesOf(z.object({ id: z.string() })),
          })
          .nullable(),
      }),
    ).extend({ pageInfo: z.object({ hasNextPage: z.boolean() }) }),
    fulfillmentOrders: nodesOf(fulfillmentOrderFieldsSchema),
  })
  .transform((order): { order: ImportedOrder; lineItemsComplete: boolean } => ({
    lineItemsComplete: !order.lineItems.pageInfo.hasNextPage,
    order: {
      ...order,
      lineItems: order.lineItems.nodes.map((item) => ({
        ...item,
        product: item.product
          ? {
              id: item.product.id,
              tags: item.product.tags,
              collectionIds: item.product.collections.nodes.map((c) => c.id),
            }
          : null,
      })),
      fulfillmentOrders: order.fulfillmentOrders.nodes,
    },
  }));
