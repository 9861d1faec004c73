// Turns Shopify's own suggestion (Order.suggestedRefund) into a refundCreate input, so the
// amounts, the shipping and the gateways are Shopify's arithmetic, not ours. Pure, tested alone.
import { z } from "zod";
import { toCents } from "../jobs/money";

const money = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });

export const suggestedRefundSchema = z.object({
  amountSet: money,
  shipping: z.object({ amountSet: money }),
  refundLineItems: z.array(z.object({ lineItem: z.object({ id: z.string() }), quantity: z.number().int(), restockType: z.string() })),
  suggestedTransactions: z.array(
    z.object({ amountSet: money, gateway: z.string().nullable(), parentTransaction: z.object({ id: z.string() }).nullable() }),
  ),
});
export type SuggestedRefund = z.infer<typeof suggestedRefundSchema>;

export const refundInputSchema = z.object({
  orderId: z.string(),
  notify: z.boolean(),
  note: z.string(),
  refundLineItems: z.array(z.object({ lineItemId: z.string(), quantity: z.number().int(), restockType: z.string() })),
  shipping: z.object({ amount: z.string() }).optional(),
  transactions: z.array(z.object({ orderId: z.string(), parentId: z.string().optional(), amount: z.string(), gateway: z.string(), kind: z.literal("REFUND") })),
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
export function refundInputFrom(suggestion: SuggestedRefund, choice: RefundChoice): RefundInput | null {
  const total = toCents(suggestion.amountSet.shopMoney.amount);
  if (total <= 0) return null;
  const shippingCents = toCents(suggestion.shipping.amountSet.shopMoney.amount);
  if (choice.shippingOnly && shippingCents <= 0) return null;
  const transactions = suggestion.suggestedTransactions
    .filter((t) => toCents(t.amountSet.shopMoney.amount) > 0)
    .map((t) => ({
      orderId: choice.orderId,
      ...(t.parentTransaction ? { parentId: t.parentTransaction.id } : {}),
      amount: t.amountSet.shopMoney.amount,
      gateway: t.gateway ?? "manual",
      kind: "REFUND" as const,
    }));
  if (transactions.length === 0) return null;
  return {
    orderId: choice.orderId,
    notify: choice.notify,
    note: choice.note,
    refundLineItems: choice.shippingOnly
      ? []
      : suggestion.refundLineItems.filter((line) => line.quantity > 0).map((line) => ({ lineItemId: line.lineItem.id, quantity: line.quantity, restockType: line.restockType })),
    ...(shippingCents > 0 ? { shipping: { amount: suggestion.shipping.amountSet.shopMoney.amount } } : {}),
    transactions,
  };
}
