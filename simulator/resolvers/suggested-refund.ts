// Order.suggestedRefund: what Shopify proposes to give back for the chosen line items and shipping,
// capped at what the customer paid and has not yet had back, split over the transactions that took
// the money. The app feeds `suggestedTransactions` straight into refundCreate.
import { z } from "zod";
import { parseGid } from "../gid";
import type { OrderRecord } from "../store/records";
import {
  refundableQuantity,
  refundsOf,
  restockLocationId,
  suggestedTransactionsFor,
  unitPrice,
  type RestockType,
} from "../store/refunds";
import type { ShopStore } from "../store/shop-store";
import { moneyBag, moneyV2 } from "./values";

export const moneyToCents = (value: string | number): number => Math.round(Number(value) * 100);
const money = z
  .union([z.string(), z.number()])
  .refine((value) => Number.isFinite(Number(value)), "Money must be a decimal")
  .transform(moneyToCents);
const restockType = z.enum(["CANCEL", "RETURN", "NO_RESTOCK", "LEGACY_RESTOCK"]);

export const refundLineItemInput = z.object({
  lineItemId: z.string(),
  quantity: z.number().int(),
  restockType: restockType.nullish(),
  locationId: z.string().nullish(),
});

const suggestedRefundArgs = z.object({
  suggestFullRefund: z.boolean().nullish(),
  refundShipping: z.boolean().nullish(),
  shippingAmount: money.nullish(),
  refundLineItems: z.array(refundLineItemInput).nullish(),
  refundDuties: z.array(z.unknown()).nullish(),
  refundMethodAllocation: z.string().nullish(),
});

export function lineItemNumber(id: string): number {
  const gid = parseGid(id);
  return gid && gid.type === "LineItem" ? gid.id : -1;
}

export function locationNumber(id: string): number {
  const gid = parseGid(id);
  return gid && gid.type === "Location" ? gid.id : -1;
}

/**
 * Where the suggestion restocks a line (SuggestedRefund.refundLineItems.location, "The inventory
 * restock location"): the location asked for, else the one whose fulfillment order holds the line,
 * where its units were to ship from. None when nothing goes back to stock.
 */
function suggestedLocation(
  store: ShopStore,
  order: OrderRecord,
  lineItemId: number,
  restockType: RestockType,
  asked: number | null,
) {
  if (restockType === "NO_RESTOCK") return null;
  const id = asked ?? restockLocationId(order, lineItemId);
  return (id === null ? store.primaryLocation() : store.location(id)) ?? null;
}

export function suggestedRefund(
  store: ShopStore,
  order: OrderRecord,
  rawArgs: Record<string, unknown>,
) {
  const args = suggestedRefundArgs.parse(rawArgs);
  const ledger = refundsOf(store);
  const requested: {
    lineItemId: number;
    quantity: number;
    restockType: RestockType;
    locationId: number | null;
  }[] = args.suggestFullRefund
    ? order.lineItems.map((item) => ({
        lineItemId: item.id,
        quantity: refundableQuantity(ledger, order, item),
        restockType: item.fulfilledQuantity > 0 ? "RETURN" : "CANCEL",
        locationId: null,
      }))
    : (args.refundLineItems ?? []).map((line) => ({
        lineItemId: lineItemNumber(line.lineItemId),
        quantity: line.quantity,
        restockType: line.restockType ?? "NO_RESTOCK",
        locationId: line.locationId ? locationNumber(line.locationId) : null,
      }));
  const chosen = requested.flatMap((line) => {
    const item = order.lineItems.find((candidate) => candidate.id === line.lineItemId);
    if (!item || line.quantity <= 0) return [];
    // Shopify caps each line at what is still refundable rather than failing a suggestion.
    const quantity = Math.min(line.quantity, refundableQuantity(ledger, order, item));
    if (quantity === 0) return [];
    const price = unitPrice(item);
    return [{ item, quantity, restockType: line.restockType, price, locationId: line.locationId }];
  });
  const subtotalCents = chosen.reduce((sum, line) => sum + line.price * line.quantity, 0);
  const refundLineItems = chosen.map((line) => ({
    id: null,
    lineItem: line.item,
    quantity: line.quantity,
    restockType: line.restockType,
    restocked: false,
    location: suggestedLocation(store, order, line.item.id, line.restockType, line.locationId),
    priceSet: moneyBag(line.price, order.currencies),
    subtotalSet: moneyBag(line.price * line.quantity, order.currencies),
    totalTaxSet: moneyBag(0, order.currencies),
  }));
  const shippingLeft = Math.max(0, order.shippingCents - ledger.refundedShippingCents(order.id));
  const shippingCents = Math.min(
    shippingLeft,
    args.shippingAmount ?? (args.suggestFullRefund || args.refundShipping ? shippingLeft : 0),
  );
  const maximumCents = Math.max(0, order.receivedCents);
  const amountCents = Math.min(subtotalCents + shippingCents, maximumCents);
  const transactions = suggestedTransactionsFor(order, amountCents).map((suggestion) => ({
    kind: "SUGGESTED_REFUND",
    gateway: suggestion.parent.gateway,
    formattedGateway:
      suggestion.parent.gateway === "shopify_payments"
        ? "Shopify Payments"
        : suggestion.parent.gateway === "manual"
          ? "Manual"
          : "Bogus",
    accountNumber: null,
    amountSet: moneyBag(suggestion.amountCents, order.currencies),
    amount: moneyV2(suggestion.amountCents, order.currencies.presentment).amount,
    maximumRefundableSet: moneyBag(suggestion.maximumCents, order.currencies),
    parentTransaction: suggestion.parent,
    paymentDetails: null,
  }));
  return {
    amountSet: moneyBag(amountCents, order.currencies),
    maximumRefundableSet: moneyBag(maximumCents, order.currencies),
    subtotalSet: moneyBag(subtotalCents, order.currencies),
    discountedSubtotalSet: moneyBag(subtotalCents, order.currencies),
    totalTaxSet: moneyBag(0, order.currencies),
    totalDutiesSet: moneyBag(0, order.currencies),
    totalCartDiscountAmountSet: moneyBag(0, order.currencies),
    refundLineItems,
    refundDuties: [],
    shipping: {
      amountSet: moneyBag(shippingCents, order.currencies),
      maximumRefundableSet: moneyBag(shippingLeft, order.currencies),
      taxSet: moneyBag(0, order.currencies),
    },
    suggestedTransactions: transactions,
    suggestedRefundMethods: [],
  };
}
