// Order and what hangs off it: line items, shipping lines, fulfillment orders, transactions.
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../connection";
import { toGid } from "../gid";
import { compileSearch, matchNumber, matchText } from "../search-query";
import type {
  FulfillmentOrderLineItemRecord,
  FulfillmentOrderRecord,
  LineItemRecord,
  OrderRecord,
  ShippingLineRecord,
  TransactionRecord,
} from "../store/records";
import { defineType, hasTypename, notSimulated, type SimulatorContext } from "./define";
import { customerLocaleOf } from "../store/currency";
import { iso, mailingAddress, moneyBag } from "./values";
import { ownerMetafield, ownerMetafields } from "./app-installation";
import { supportedActions } from "../store/fulfillments";

const byId = (record: { id: number }) => ({ id: record.id, value: record.id });
const shippingLinesArgs = connectionArgsSchema.extend({ includeRemovals: z.boolean().nullish() });
const fulfillmentOrdersArgs = connectionArgsSchema.extend({
  query: z.string().nullish(),
  displayable: z.boolean().nullish(),
});
const transactionsArgs = z.object({
  first: z.number().int().nullish(),
  capturable: z.boolean().nullish(),
  manuallyResolvable: z.boolean().nullish(),
});
const firstArgs = z.object({ first: z.number().int().nullish() });

const cancelled = (order: OrderRecord) => order.cancelledAt !== null;
const currentQuantity = (order: OrderRecord, item: LineItemRecord) =>
  cancelled(order) ? 0 : item.quantity;
const inOrder = <T extends { id: number }>(
  items: readonly T[],
  reverse: boolean | null | undefined,
) => (reverse ? [...items].reverse() : items);

function orderOf(context: SimulatorContext, orderId: number): OrderRecord {
  const order = context.store.order(orderId);
  if (!order) throw new Error(`Simulator store is inconsistent: no order ${orderId}`);
  return order;
}

export const orderType = defineType("Order", hasTypename<OrderRecord>("Order"), {
  id: (order) => toGid("Order", order.id),
  legacyResourceId: (order) => String(order.id),
  // The app's metafields on the order (metafieldsSet with an Order owner).
  metafield: (order, args, context) => ownerMetafield(toGid("Order", order.id), args, context),
  metafields: (order, args, context) => ownerMetafields(toGid("Order", order.id), args, context),
  name: (order) => order.name,
  number: (order) => order.number,
  email: (order) => order.email,
  phone: () => null,
  createdAt: (order) => iso(order.createdAt),
  updatedAt: (order) => iso(order.updatedAt),
  processedAt: (order) => iso(order.processedAt),
  closed: (order) => order.closedAt !== null,
  closedAt: (order) => iso(order.closedAt),
  cancelledAt: (order) => iso(order.cancelledAt),
  cancelReason: (order) => order.cancelReason,
  confirmed: () => true,
  test: (order) => order.test,
  tags: (order) => order.tags,
  note: (order) => order.note,
  sourceName: (order) => order.sourceName,
  currencyCode: (order) => order.currencies.shop,
  presentmentCurrencyCode: (order) => order.currencies.presentment,
  customerLocale: (order) => order.customerLocale ?? customerLocaleOf(order.shippingAddress),
  displayFinancialStatus: (order) => order.financialStatus,
  displayFulfillmentStatus: (order) => displayFulfillmentStatus(order),
  fullyPaid: (order) => order.financialStatus === "PAID",
  unpaid: (order) => order.receivedCents === 0,
  capturable: (order) => order.financialStatus === "AUTHORIZED",
  refundable: (order) => order.receivedCents > 0,
  requiresShipping: (order) => order.lineItems.some((item) => item.requiresShipping),
  edited: () => false,
  customer: (order, _args, context) =>
    order.customerId === null ? null : (context.store.customer(order.customerId) ?? null),
  shippingAddress: (order) => mailingAddress(order.shippingAddress, order.id, "Address"),
  billingAddress: (order) => mailingAddress(order.shippingAddress, order.id, "BillingAddress"),
  lineItems: (order, rawArgs) => {
    const args = connectionArgsSchema.parse(rawArgs);
    return paginate(
      inOrder(order.lineItems, args.reverse),
      args,
      "lineItems",
      byId,
      args.reverse ? -1 : 1,
    );
  },
  subtotalLineItemsQuantity: (order) =>
    order.lineItems.reduce((sum, item) => sum + item.quantity, 0),
  currentSubtotalLineItemsQuantity: (order) =>
    order.lineItems.reduce((sum, item) => sum + currentQuantity(order, item), 0),
  subtotalPriceSet: (order) => moneyBag(order.subtotalCents, order.currencies),
  currentSubtotalPriceSet: (order) =>
    moneyBag(cancelled(order) ? 0 : order.subtotalCents, order.currencies),
  totalPriceSet: (order) => moneyBag(order.totalCents, order.currencies),
  currentTotalPriceSet: (order) =>
    moneyBag(cancelled(order) ? 0 : order.totalCents, order.currencies),
  totalShippingPriceSet: (order) => moneyBag(order.shippingCents, order.currencies),
  totalDiscountsSet: (order) => moneyBag(0, order.currencies),
  currentTotalDiscountsSet: (order) => moneyBag(0, order.currencies),
  totalTaxSet: (order) => moneyBag(0, order.currencies),
  currentTotalTaxSet: (order) => moneyBag(0, order.currencies),
  totalRefundedSet: (order) => moneyBag(0, order.currencies),
  totalReceivedSet: (order) => moneyBag(order.receivedCents, order.currencies),
  netPaymentSet: (order) => moneyBag(order.receivedCents, order.currencies),
  totalOutstandingSet: (order) =>
    moneyBag(cancelled(order) ? 0 : order.totalCents - order.receivedCents, order.currencies),
  shippingLine: (order) => order.shippingLines[0] ?? null,
  shippingLines: (order, rawArgs) => {
    const args = shippingLinesArgs.parse(rawArgs);
    return paginate(
      inOrder(order.shippingLines, args.reverse),
      args,
      "shippingLines",
      byId,
      args.reverse ? -1 : 1,
    );
  },
  fulfillmentOrders: (order, rawArgs) => {
    const args = fulfillmentOrdersArgs.parse(rawArgs);
    const search = compileSearch<FulfillmentOrderRecord>(
      args.query,
      {
        status: (fo, term) => matchText(fo.status, term),
        id: (fo, term) => matchNumber(fo.id, term),
      },
      () => false,
    );
    // `displayable` hides closed fulfillment orders that nobody acts on any more.
    const list = order.fulfillmentOrders.filter(
      (fo) =>
        search.matches(fo) && (!args.displayable || fo.status !== "CLOSED" || !cancelled(order)),
    );
    return paginate(
      inOrder(list, args.reverse),
      args,
      "fulfillmentOrders",
      byId,
      args.reverse ? -1 : 1,
    );
  },
  fulfillments: (order, rawArgs) => {
    const args = firstArgs.parse(rawArgs);
    const list = order.fulfillments ?? [];
    return args.first === null || args.first === undefined ? list : list.slice(0, args.first);
  },
  transactions: (order, rawArgs) => {
    const args = transactionsArgs.parse(rawArgs);
    let list = order.transactions;
    if (args.capturable)
      list =
        order.financialStatus === "AUTHORIZED"
          ? list.filter((transaction) => transaction.kind === "AUTHORIZATION")
          : [];
    if (args.manuallyResolvable) list = [];
    return args.first === null || args.first === undefined ? list : list.slice(0, args.first);
  },
  // No refunds exist in the seeded store yet; refunds arrive with the refund mutations.
  refunds: (_order, rawArgs) => {
    firstArgs.parse(rawArgs);
    return [];
  },
});

export const lineItemType = defineType("LineItem", hasTypename<LineItemRecord>("LineItem"), {
  id: (item) => toGid("LineItem", item.id),
  title: (item) => item.title,
  name: (item) =>
    item.variantTitle === "Default Title" ? item.title : `${item.title} - ${item.variantTitle}`,
  variantTitle: (item) => (item.variantTitle === "Default Title" ? null : item.variantTitle),
  vendor: (item) => item.vendor,
  sku: (item) => item.sku,
  quantity: (item) => item.quantity,
  currentQuantity: (item, _args, context) => currentQuantity(orderOf(context, item.orderId), item),
  unfulfilledQuantity: (item, _args, context) =>
    cancelled(orderOf(context, item.orderId)) ? 0 : item.quantity - item.fulfilledQuantity,
  refundableQuantity: (item, _args, context) =>
    currentQuantity(orderOf(context, item.orderId), item),
  nonFulfillableQuantity: (item, _args, context) =>
    cancelled(orderOf(context, item.orderId)) ? item.quantity : 0,
  requiresShipping: (item) => item.requiresShipping,
  taxable: () => true,
  isGiftCard: () => false,
  merchantEditable: () => true,
  restockable: () => true,
  customAttributes: () => [],
  variant: (item, _args, context) => context.store.variant(item.variantId) ?? null,
  product: (item, _args, context) => context.store.product(item.productId) ?? null,
  originalUnitPriceSet: (item, _args, context) =>
    moneyBag(item.unitPriceCents, orderOf(context, item.orderId).currencies),
  discountedUnitPriceSet: (item, _args, context) =>
    moneyBag(item.unitPriceCents, orderOf(context, item.orderId).currencies),
  discountedUnitPriceAfterAllDiscountsSet: (item, _args, context) =>
    moneyBag(item.unitPriceCents, orderOf(context, item.orderId).currencies),
  originalTotalSet: (item, _args, context) =>
    moneyBag(item.unitPriceCents * item.quantity, orderOf(context, item.orderId).currencies),
  discountedTotalSet: (item, _args, context) =>
    moneyBag(item.unitPriceCents * item.quantity, orderOf(context, item.orderId).currencies),
  totalDiscountSet: (item, _args, context) =>
    moneyBag(0, orderOf(context, item.orderId).currencies),
  unfulfilledOriginalTotalSet: (item, _args, context) =>
    moneyBag(
      item.unitPriceCents * (item.quantity - item.fulfilledQuantity),
      orderOf(context, item.orderId).currencies,
    ),
  unfulfilledDiscountedTotalSet: (item, _args, context) =>
    moneyBag(
      item.unitPriceCents * (item.quantity - item.fulfilledQuantity),
      orderOf(context, item.orderId).currencies,
    ),
});

export const shippingLineType = defineType(
  "ShippingLine",
  hasTypename<ShippingLineRecord>("ShippingLine"),
  {
    id: (line) => toGid("ShippingLine", line.id),
    title: (line) => line.title,
    code: (line) => line.code,
    source: (line) => line.source,
    custom: () => false,
    isRemoved: () => false,
    carrierIdentifier: () => null,
    deliveryCategory: () => null,
    phone: () => null,
    shippingRateHandle: () => null,
    originalPriceSet: (line, _args, context) =>
      moneyBag(line.priceCents, orderOf(context, line.orderId).currencies),
    discountedPriceSet: (line, _args, context) =>
      moneyBag(line.priceCents, orderOf(context, line.orderId).currencies),
    currentDiscountedPriceSet: (line, _args, context) =>
      moneyBag(line.priceCents, orderOf(context, line.orderId).currencies),
    discountAllocations: () => [],
    taxLines: () => [],
  },
);

export const transactionType = defineType(
  "OrderTransaction",
  hasTypename<TransactionRecord>("OrderTransaction"),
  {
    id: (transaction) => toGid("OrderTransaction", transaction.id),
    kind: (transaction) => transaction.kind,
    status: (transaction) => transaction.status,
    gateway: (transaction) => transaction.gateway,
    formattedGateway: (transaction) =>
      transaction.gateway === "shopify_payments"
        ? "Shopify Payments"
        : transaction.gateway === "manual"
          ? "Manual"
          : "Bogus",
    manualPaymentGateway: (transaction) => transaction.gateway === "manual",
    test: (transaction) => transaction.test,
    amountSet: (transaction, _args, context) =>
      moneyBag(transaction.amountCents, orderOf(context, transaction.orderId).currencies),
    processedAt: (transaction) => iso(transaction.processedAt),
    createdAt: (transaction) => iso(transaction.processedAt),
    errorCode: () => null,
    order: (transaction, _args, context) => context.store.order(transaction.orderId) ?? null,
    parentTransaction: (transaction, _args, context) => {
      if (transaction.kind !== "CAPTURE" && transaction.kind !== "VOID") return null;
      return (
        orderOf(context, transaction.orderId).transactions.find(
          (candidate) => candidate.kind === "AUTHORIZATION",
        ) ?? null
      );
    },
  },
);

export const fulfillmentOrderType = defineType(
  "FulfillmentOrder",
  hasTypename<FulfillmentOrderRecord>("FulfillmentOrder"),
  {
    id: (fo) => toGid("FulfillmentOrder", fo.id),
    status: (fo) => fo.status,
    requestStatus: (fo) => fo.requestStatus,
    createdAt: (fo) => iso(fo.createdAt),
    updatedAt: (fo) => iso(fo.updatedAt),
    fulfillAt: (fo) => iso(fo.fulfillAt),
    fulfillBy: (fo) => iso(fo.fulfillBy),
    order: (fo, _args, context) => orderOf(context, fo.orderId),
    orderId: (fo) => toGid("Order", fo.orderId),
    orderName: (fo, _args, context) => orderOf(context, fo.orderId).name,
    orderProcessedAt: (fo, _args, context) => iso(orderOf(context, fo.orderId).processedAt),
    fulfillmentHolds: (fo) => fo.holds ?? [],
    supportedActions: (fo) => supportedActions(fo).map((action) => ({ action, externalUrl: null })),
    assignedLocation: (fo, _args, context) => {
      const location = context.store.location(fo.assignedLocationId);
      if (!location)
        throw new Error(`Simulator store is inconsistent: no location ${fo.assignedLocationId}`);
      return {
        location,
        name: location.name,
        address1: location.address.address1,
        address2: location.address.address2,
        city: location.address.city,
        province: location.address.provinceCode,
        zip: location.address.zip,
        countryCode: location.address.countryCode,
        phone: location.address.phone,
      };
    },
    lineItems: (fo, rawArgs) => {
      const args = connectionArgsSchema.parse(rawArgs);
      return paginate(
        inOrder(fo.lineItems, args.reverse),
        args,
        "lineItems",
        byId,
        args.reverse ? -1 : 1,
      );
    },
  },
);

function lineItemOf(
  context: SimulatorContext,
  line: FulfillmentOrderLineItemRecord,
): LineItemRecord {
  const item = context.store.lineItem(line.lineItemId);
  if (!item) throw notSimulated("FulfillmentOrderLineItem", "lineItem", "(dangling line item)");
  return item;
}

export const fulfillmentOrderLineItemType = defineType(
  "FulfillmentOrderLineItem",
  hasTypename<FulfillmentOrderLineItemRecord>("FulfillmentOrderLineItem"),
  {
    id: (line) => toGid("FulfillmentOrderLineItem", line.id),
    totalQuantity: (line) => line.totalQuantity,
    remainingQuantity: (line) => line.remainingQuantity,
    lineItem: (line, _args, context) => lineItemOf(context, line),
    sku: (line, _args, context) => lineItemOf(context, line).sku,
    productTitle: (line, _args, context) => lineItemOf(context, line).title,
    variantTitle: (line, _args, context) => {
      const title = lineItemOf(context, line).variantTitle;
      return title === "Default Title" ? null : title;
    },
    vendor: (line, _args, context) => lineItemOf(context, line).vendor,
    requiresShipping: (line, _args, context) => lineItemOf(context, line).requiresShipping,
    variant: (line, _args, context) =>
      context.store.variant(lineItemOf(context, line).variantId) ?? null,
  },
);

/**
 * OrderDisplayFulfillmentStatus: ON_HOLD is "All of the unfulfilled items in this order are on
 * hold" (the 2026-10 schema's enum), so a held order no longer reads UNFULFILLED.
 */
function displayFulfillmentStatus(order: OrderRecord): string {
  if (order.fulfillmentStatus === "FULFILLED") return order.fulfillmentStatus;
  const unshipped = order.fulfillmentOrders.filter((fo) =>
    fo.lineItems.some((line) => line.remainingQuantity > 0),
  );
  if (unshipped.length > 0 && unshipped.every((fo) => fo.status === "ON_HOLD")) return "ON_HOLD";
  return order.fulfillmentStatus;
}
