// Webhook bodies as Shopify sends them: orders/* carry the REST Order resource (snake_case,
// numeric ids plus admin_graphql_api_id), refunds/create the REST Refund, bulk_operations/finish a
// small summary. Only the fields an app commonly reads are filled; the rest of the REST shape is
// left out rather than invented.
import { toShopCents, type OrderCurrencies } from "../store/currency";
import { toGid } from "../gid";
import { decimal, iso } from "../resolvers/values";
import type { FulfillmentOrderEvent } from "../store/fulfillment-holds";
import type { CalculatedOrderRecord } from "../store/order-edits";
import type { LineItemRecord, OrderRecord } from "../store/records";
import type { RefundRecord } from "../store/refunds";

export interface BulkOperationSummary {
  __typename: "BulkOperation";
  id: string;
  status: string;
  errorCode: string | null;
  createdAt: number;
  completedAt: number | null;
  type: "QUERY" | "MUTATION";
}

function restFulfillmentStatus(order: OrderRecord): string | null {
  if (order.fulfillmentStatus === "FULFILLED") return "fulfilled";
  if (order.fulfillmentStatus === "PARTIALLY_FULFILLED") return "partial";
  return null;
}

function restLineItem(item: LineItemRecord, currencies: OrderCurrencies) {
  const fulfillable = item.quantity - item.fulfilledQuantity;
  return {
    id: item.id,
    admin_graphql_api_id: toGid("LineItem", item.id),
    product_id: item.productId,
    variant_id: item.variantId,
    title: item.title,
    variant_title: item.variantTitle === "Default Title" ? null : item.variantTitle,
    name:
      item.variantTitle === "Default Title" ? item.title : `${item.title} - ${item.variantTitle}`,
    sku: item.sku,
    vendor: item.vendor,
    quantity: item.quantity,
    current_quantity: item.quantity,
    fulfillable_quantity: fulfillable,
    fulfillment_status:
      item.fulfilledQuantity === 0 ? null : fulfillable === 0 ? "fulfilled" : "partial",
    price: decimal(toShopCents(item.unitPriceCents, currencies)),
    price_set: {
      shop_money: {
        amount: decimal(toShopCents(item.unitPriceCents, currencies)),
        currency_code: currencies.shop,
      },
      presentment_money: {
        amount: decimal(item.unitPriceCents),
        currency_code: currencies.presentment,
      },
    },
    requires_shipping: item.requiresShipping,
  };
}

export function restOrder(order: OrderRecord) {
  return {
    id: order.id,
    admin_graphql_api_id: toGid("Order", order.id),
    name: order.name,
    order_number: order.number,
    email: order.email,
    created_at: iso(order.createdAt),
    updated_at: iso(order.updatedAt),
    processed_at: iso(order.processedAt),
    closed_at: iso(order.closedAt),
    cancelled_at: iso(order.cancelledAt),
    cancel_reason: order.cancelReason?.toLowerCase() ?? null,
    financial_status: order.financialStatus.toLowerCase(),
    fulfillment_status: restFulfillmentStatus(order),
    // REST amounts are in the shop's currency; the buyer's is presentment_currency.
    currency: order.currencies.shop,
    presentment_currency: order.currencies.presentment,
    total_price: decimal(toShopCents(order.totalCents, order.currencies)),
    subtotal_price: decimal(toShopCents(order.subtotalCents, order.currencies)),
    tags: order.tags.join(", "),
    test: order.test,
    source_name: order.sourceName,
    customer:
      order.customerId === null
        ? null
        : { id: order.customerId, admin_graphql_api_id: toGid("Customer", order.customerId) },
    line_items: order.lineItems.map((item) => restLineItem(item, order.currencies)),
  };
}

export function bulkOperationFinishPayload(operation: BulkOperationSummary) {
  return {
    admin_graphql_api_id: operation.id,
    completed_at: iso(operation.completedAt),
    created_at: iso(operation.createdAt),
    error_code: operation.errorCode?.toLowerCase() ?? null,
    status: operation.status.toLowerCase(),
    type: operation.type.toLowerCase(),
  };
}

/** refunds/create: the REST Refund. */
export function restRefund(refund: RefundRecord) {
  return {
    id: refund.id,
    admin_graphql_api_id: toGid("Refund", refund.id),
    order_id: refund.orderId,
    created_at: iso(refund.createdAt),
    processed_at: iso(refund.processedAt),
    note: refund.note,
    restock: refund.lines.some((line) => line.restockType !== "NO_RESTOCK"),
    refund_line_items: refund.lines.map((line) => ({
      id: line.id,
      line_item_id: line.lineItemId,
      quantity: line.quantity,
      restock_type: line.restockType.toLowerCase(),
    })),
    transactions: refund.transactionIds.map((id) => ({
      id,
      admin_graphql_api_id: toGid("OrderTransaction", id),
      kind: "refund",
      order_id: refund.orderId,
    })),
  };
}

/** orders/edited: `{ order_edit: … }`, the committed edit with the line items it added. */
export function restOrderEdit(
  edit: CalculatedOrderRecord,
  addedLineItemIds: readonly number[],
  committedAt: number,
) {
  return {
    order_edit: {
      id: edit.id,
      created_at: iso(edit.createdAt),
      committed_at: iso(committedAt),
      notify_customer: edit.notifyCustomer,
      order_id: edit.orderId,
      staff_note: edit.staffNote ?? "",
      line_items: { additions: addedLineItemIds.map((id) => ({ id, delta: 1 })), removals: [] },
    },
  };
}

/**
 * fulfillment_orders/placed_on_hold and fulfillment_orders/hold_released: the fulfillment order
 * (GraphQL id and lower-case status, as Shopify's fulfillment_orders/* bodies carry them) and, for a
 * new hold, the hold. Only what an app reads to match the FO and its hold; our reading of the shape.
 */
export function restFulfillmentOrderHold(event: FulfillmentOrderEvent) {
  const fulfillmentOrder = {
    id: toGid("FulfillmentOrder", event.fulfillmentOrder.id),
    status: event.fulfillmentOrder.status.toLowerCase(),
  };
  if (event.hold === null) return { fulfillment_order: fulfillmentOrder };
  return {
    fulfillment_order: fulfillmentOrder,
    remaining_fulfillment_order: null,
    fulfillment_hold: {
      id: toGid("FulfillmentHold", event.hold.id),
      reason: event.hold.reason.toLowerCase(),
      reason_notes: event.hold.reasonNotes,
      handle: event.hold.handle,
    },
  };
}
