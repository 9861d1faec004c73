// Turns Shopify's own suggestion (Order.suggestedRefund) into a refundCreate input, so the
// amounts, the shipping, the gateways and the restock locations are Shopify's, not ours. Pure,
// tested alone.
//
// Currency: a refund moves the buyer's money, so its amounts are in the order's presentment
// currency and `currency` names it. RefundInput.currency: "This must be the presentment currency,
// which is the currency used by the customer. This is a required field for orders where the
// currency and presentment currency differ."
// (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/RefundInput). So the amounts
// come from each MoneyBag's `presentmentMoney`; `shopMoney` is what the merchant is told.
import { z } from "zod";
import { currencyCodeSchema, restockTypeSchema } from "../admin-api/enums";
import { toMinorUnits } from "../jobs/money";

const moneyV2 = z.object({ amount: z.string(), currencyCode: currencyCodeSchema });
const money = z.object({ shopMoney: moneyV2, presentmentMoney: moneyV2 });

export const suggestedRefundSchema = z.object({
  amountSet: money,
  shipping: z.object({ amountSet: money }),
  refundLineItems: z.array(
    z.object({
      lineItem: z.object({ id: z.string() }),
      quantity: z.number().int(),
      restockType: restockTypeSchema,
      location: z.object({ id: z.string() }).nullable(),
    }),
  ),
  suggestedTransactions: z.array(
    z.object({
      amountSet: money,
      gateway: z.string().nullable(),
      parentTransaction: z.object({ id: z.string() }).nullable(),
    }),
  ),
});
export type SuggestedRefund = z.infer<typeof suggestedRefundSchema>;

export const refundInputSchema = z.object({
  orderId: z.string(),
  notify: z.boolean(),
  note: z.string(),
  // Optional only so a checkpoint saved before this field existed is retried exactly as first sent.
  currency: currencyCodeSchema.optional(),
  refundLineItems: z.array(
    z.object({
      lineItemId: z.string(),
      quantity: z.number().int(),
      restockType: restockTypeSchema,
      locationId: z.string().optional(),
    }),
  ),
  shipping: z.object({ amount: z.string() }).optional(),
  transactions: z.array(
    z.object({
      orderId: z.string(),
      parentId: z.string().optional(),
      amount: z.string(),
      gateway: z.string(),
      kind: z.literal("REFUND"),
    }),
  ),
});
export type RefundInput = z.infer<typeof refundInputSchema>;

export interface RefundChoice {
  orderId: string;
  notify: boolean;
  note: string;
  /** Refund only the shipping (the "cost of shipping back" remedy), not the items. */
  shippingOnly: boolean;
}

/** The refund to make, or null when Shopify suggests nothing (already refunded). */
export function refundInputFrom(
  suggestion: SuggestedRefund,
  choice: RefundChoice,
): RefundInput | null {
  const total = toMinorUnits(suggestion.amountSet.presentmentMoney.amount);
  if (total <= 0) return null;
  const shipping = suggestion.shipping.amountSet.presentmentMoney;
  const shippingUnits = toMinorUnits(shipping.amount);
  if (choice.shippingOnly && shippingUnits <= 0) return null;
  const transactions = suggestion.suggestedTransactions
    .filter((t) => toMinorUnits(t.amountSet.presentmentMoney.amount) > 0)
    .map((t) => ({
      orderId: choice.orderId,
      // parentId: the SALE or CAPTURE that took the money, as Shopify suggests it.
      ...(t.parentTransaction ? { parentId: t.parentTransaction.id } : {}),
      amount: t.amountSet.presentmentMoney.amount,
      gateway: t.gateway ?? "manual",
      kind: "REFUND" as const,
    }));
  if (transactions.length === 0) return null;
  return {
    orderId: choice.orderId,
    notify: choice.notify,
    note: choice.note,
    currency: suggestion.amountSet.presentmentMoney.currencyCode,
    refundLineItems: choice.shippingOnly
      ? []
      : suggestion.refundLineItems
          .filter((line) => line.quantity > 0)
          // Restock where Shopify suggests (SuggestedRefund.refundLineItems.location), not at a
          // location of our choosing: that is where the unit was to ship from.
          .map((line) => ({
            lineItemId: line.lineItem.id,
            quantity: line.quantity,
            restockType: line.restockType,
            ...(line.location && line.restockType !== "NO_RESTOCK"
              ? { locationId: line.location.id }
              : {}),
          })),
    ...(shippingUnits > 0 ? { shipping: { amount: shipping.amount } } : {}),
    transactions,
  };
}
