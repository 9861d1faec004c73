// Changes to orders after seeding, as Shopify would make them: a shopper checks out, the workshop
// ships, the customer cancels, an app tags. Each change bumps `updatedAt` (what the app's reconcile
// pages by) and emits the webhook topics Shopify sends for it.
import { singleCurrency } from "./currency";
import { dropHolds } from "./fulfillment-holds";
import type { FulfillmentOrderRecord, LineItemRecord, OrderRecord } from "./records";
import type { ShopStore } from "./shop-store";
import { newLineItem } from "./line-items";

export interface NewOrderLine {
  variantId: number;
  quantity: number;
}

export interface NewOrderInput {
  lines: NewOrderLine[];
  email?: string;
  /** ms; default Date.now(). */
  at?: number;
}

export class OrderChangeError extends Error {
  override name = "OrderChangeError";
}

function nextId(values: Iterable<number>, floor: number): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max + 1;
}

// Shopify's DateTime has second precision; a change must move updatedAt past the old value even
// when it lands within the same second, or a reconcile watermark could miss it.
function touch(order: OrderRecord, at: number): void {
  order.updatedAt = Math.max(at, Math.floor(order.updatedAt / 1000) * 1000 + 1000);
}

function lineItemsOf(store: ShopStore): LineItemRecord[] {
  return store.orders.flatMap((order) => order.lineItems);
}

function fulfillmentOrdersOf(store: ShopStore): FulfillmentOrderRecord[] {
  return store.orders.flatMap((order) => order.fulfillmentOrders);
}

/** A checkout: a paid, unfulfilled order with one open fulfillment order and no promise date. */
export function createOrder(store: ShopStore, input: NewOrderInput): OrderRecord {
  if (input.lines.length === 0)
    throw new OrderChangeError("An order needs at least one line item.");
  const at = input.at ?? Date.now();
  const lineItemsBefore = lineItemsOf(store);
  const fulfillmentOrdersBefore = fulfillmentOrdersOf(store);
  const id = nextId(
    store.orders.map((order) => order.id),
    5_500_000_000,
  );
  const number = nextId(
    store.orders.map((order) => order.number),
    1000,
  );
  let lineItemId = nextId(
    lineItemsBefore.map((item) => item.id),
    14_000_000_000,
  );
  let foLineId = nextId(
    fulfillmentOrdersBefore.flatMap((fo) => fo.lineItems.map((line) => line.id)),
    15_000_000_000,
  );
  const lineItems: LineItemRecord[] = input.lines.map((line) => {
    const variant = store.variant(line.variantId);
    const product = variant ? store.product(variant.productId) : undefined;
    if (!variant || !product) throw new OrderChangeError(`No variant ${line.variantId}.`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1)
      throw new OrderChangeError("Quantity must be a positive integer.");
    return newLineItem({
      id: lineItemId++,
      orderId: id,
      product,
      variant,
      quantity: line.quantity,
      unitPriceCents: variant.priceCents,
    });
  });
  const subtotalCents = lineItems.reduce(
    (sum, item) => sum + item.quantity * item.unitPriceCents,
    0,
  );
  const shippingCents = subtotalCents >= 7500 ? 0 : 800;
  const email = input.email ?? `shopper${number}@example.net`;
  const template = store.orders[store.orders.length - 1];
  const order: OrderRecord = {
    __typename: "Order",
    id,
    number,
    name: `#${number}`,
    email,
    customerId: null,
    createdAt: at,
    updatedAt: at,
    processedAt: at,
    closedAt: null,
    cancelledAt: null,
    cancelReason: null,
    test: false,
    tags: [],
    note: null,
    sourceName: "web",
    // A checkout from the demo storefront pays in the shop's own currency.
    currencies: singleCurrency(store.shop.currencyCode),
    financialStatus: "PAID",
    fulfillmentStatus: "UNFULFILLED",
    shippingAddress: template?.shippingAddress ?? store.shop.billingAddress,
    lineItems,
    shippingLines: [
      {
        __typename: "ShippingLine",
        id: nextId(
          store.orders.flatMap((o) => o.shippingLines.map((s) => s.id)),
          4_400_000_000,
        ),
        orderId: id,
        title: "Standard",
        code: "STANDARD",
        source: "shopify",
        priceCents: shippingCents,
      },
    ],
    fulfillmentOrders: [
      {
        __typename: "FulfillmentOrder",
        id: nextId(
          fulfillmentOrdersBefore.map((fo) => fo.id),
          6_600_000_000,
        ),
        orderId: id,
        status: "OPEN",
        requestStatus: "UNSUBMITTED",
        createdAt: at,
        updatedAt: at,
        fulfillAt: at,
        fulfillBy: null,
        assignedLocationId: store.primaryLocation().id,
        lineItems: lineItems.map((item) => ({
          __typename: "FulfillmentOrderLineItem",
          id: foLineId++,
          lineItemId: item.id,
          totalQuantity: item.quantity,
          remainingQuantity: item.quantity,
        })),
      },
    ],
    transactions: [
      {
        __typename: "OrderTransaction",
        id: nextId(
          store.orders.flatMap((o) => o.transactions.map((t) => t.id)),
          7_700_000_000,
        ),
        orderId: id,
        kind: "SALE",
        status: "SUCCESS",
        gateway: "shopify_payments",
        amountCents: subtotalCents + shippingCents,
        processedAt: at,
        test: false,
      },
    ],
    subtotalCents,
    shippingCents,
    totalCents: subtotalCents + shippingCents,
    receivedCents: subtotalCents + shippingCents,
  };
  store.addOrder(order);
  store.emit({ topic: "orders/create", record: order });
  return order;
}

function existingOrder(store: ShopStore, orderId: number): OrderRecord {
  const order = store.order(orderId);
  if (!order) throw new OrderChangeError(`No order ${orderId}.`);
  return order;
}

/** Ships everything left on the order. */
export function fulfilOrder(store: ShopStore, orderId: number, at = Date.now()): OrderRecord {
  const order = existingOrder(store, orderId);
  if (order.cancelledAt !== null) throw new OrderChangeError(`Order ${order.name} is cancelled.`);
  if (order.fulfillmentStatus === "FULFILLED")
    throw new OrderChangeError(`Order ${order.name} is already fulfilled.`);
  // FulfillmentOrderStatus.ON_HOLD: "The fulfillment process can't be initiated until the hold on
  // the fulfillment order is released."
  if (order.fulfillmentOrders.some((fo) => fo.status === "ON_HOLD"))
    throw new OrderChangeError(`Order ${order.name} is on hold and cannot be fulfilled.`);
  for (const item of order.lineItems) item.fulfilledQuantity = item.quantity;
  for (const fo of order.fulfillmentOrders) {
    fo.status = "CLOSED";
    fo.updatedAt = at;
    for (const line of fo.lineItems) line.remainingQuantity = 0;
  }
  order.fulfillmentStatus = "FULFILLED";
  touch(order, at);
  store.emit(
    { topic: "orders/fulfilled", record: order },
    { topic: "orders/updated", record: order },
  );
  return order;
}

export function cancelOrder(store: ShopStore, orderId: number, at = Date.now()): OrderRecord {
  const order = existingOrder(store, orderId);
  if (order.cancelledAt !== null)
    throw new OrderChangeError(`Order ${order.name} is already cancelled.`);
  if (order.fulfillmentStatus === "FULFILLED")
    throw new OrderChangeError(`Order ${order.name} is fulfilled and cannot be cancelled.`);
  order.cancelledAt = at;
  order.cancelReason = "CUSTOMER";
  order.closedAt = at;
  for (const fo of order.fulfillmentOrders) {
    fo.status = "CLOSED";
    fo.updatedAt = at;
    dropHolds(fo);
    for (const line of fo.lineItems) line.remainingQuantity = 0;
  }
  order.financialStatus = order.receivedCents > 0 ? "REFUNDED" : "VOIDED";
  touch(order, at);
  store.emit(
    { topic: "orders/cancelled", record: order },
    { topic: "orders/updated", record: order },
  );
  return order;
}

/** Shopify trims tags, ignores empty ones and keeps each once (case-insensitively). */
export function normaliseTags(tags: readonly string[]): string[] {
  return tags
    .flatMap((tag) => tag.split(","))
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

/** Returns whether anything changed; only a change bumps updatedAt and sends orders/updated. */
export function changeOrderTags(
  store: ShopStore,
  orderId: number,
  add: readonly string[],
  remove: readonly string[],
  at = Date.now(),
): boolean {
  const order = existingOrder(store, orderId);
  const before = order.tags.join(",");
  const removing = new Set(normaliseTags(remove).map((tag) => tag.toLowerCase()));
  const next = order.tags.filter((tag) => !removing.has(tag.toLowerCase()));
  for (const tag of normaliseTags(add))
    if (!next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) next.push(tag);
  next.sort((a, b) => a.localeCompare(b));
  if (next.join(",") === before) return false;
  order.tags = next;
  touch(order, at);
  store.emit({ topic: "orders/updated", record: order });
  return true;
}
