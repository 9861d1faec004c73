// Refunds through refundCreate with @idempotent(key:), the item's own key. Safe to retry because
// the exact input is stored (checkpoint) before the first call: a retry sends the same key with
// the same input, and Shopify answers the original refund instead of paying again. Reading the
// suggestion afresh on a retry would not do: after a refund that did go through it suggests
// nothing, and a different input under the same key is refused.
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { formatMoney, toMinorUnits } from "../jobs/money";
import {
  refundInputFrom,
  refundInputSchema,
  suggestedRefundSchema,
  type RefundInput,
} from "./refund-input";
import { describeUserErrors, userErrorSchema } from "./user-errors";

export const FULL_REFUND_SUGGESTION = `#graphql
  query RemedyFullRefundSuggestion($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      suggestedRefund(suggestFullRefund: true, refundShipping: true) {
        amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        shipping { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }
        refundLineItems { lineItem { id } quantity restockType location { id } }
        suggestedTransactions { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } gateway parentTransaction { id } }
      }
    }
  }
`;

export const SHIPPING_REFUND_SUGGESTION = `#graphql
  query RemedyShippingRefundSuggestion($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      suggestedRefund(refundShipping: true) {
        amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
        shipping { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }
        refundLineItems { lineItem { id } quantity restockType location { id } }
        suggestedTransactions { amountSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } gateway parentTransaction { id } }
      }
    }
  }
`;

export const REFUND_CREATE = `#graphql
  mutation RemedyRefundCreate($input: RefundInput!, $key: String!) {
    refundCreate(input: $input) @idempotent(key: $key) {
      refund { id totalRefundedSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } } }
      userErrors { field message }
    }
  }
`;

const moneyV2 = z.object({ amount: z.string(), currencyCode: z.string() });
const suggestionData = z.object({
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      suggestedRefund: suggestedRefundSchema.nullable(),
    })
    .nullable(),
});
const refundData = z.object({
  refundCreate: z
    .object({
      refund: z
        .object({
          id: z.string(),
          totalRefundedSet: z.object({ shopMoney: moneyV2, presentmentMoney: moneyV2 }),
        })
        .nullable(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const checkpointSchema = z.object({ refundInput: refundInputSchema });

export interface RefundOptions {
  mode: "full" | "shipping";
  notify: boolean;
  note: string;
  /** The shop-money amount staff confirmed for this order (a frozen list), or null for any. */
  expectedAmount: string | null;
}

function changedReason(
  expected: string,
  now: string,
  currencyCode: string | null,
  what: "amount" | "shipping" = "amount",
): string {
  const show = (amount: string) => (currencyCode ? formatMoney(amount, currencyCode) : amount);
  return `Not refunded: the refundable ${what} changed from ${show(expected)} to ${show(now)} after the list was frozen`;
}

/**
 * For a frozen list: the skip outcome when Shopify's full refund for the order is no longer the
 * confirmed amount, else null. Used before a cancel (which refunds everything) on its first try;
 * after a cancel we asked for, the order is checked by the cancel itself.
 */
export async function refundableAmountChanged(
  ctx: PerformContext,
  item: ItemToPerform,
  expected: string | null,
): Promise<ItemOutcome | null> {
  if (expected === null || ctx.previous !== null) return null;
  const data = await ctx.admin.request(FULL_REFUND_SUGGESTION, suggestionData, {
    id: item.orderId,
  });
  if (!data.order || data.order.cancelledAt) return null;
  const now = data.order.suggestedRefund?.amountSet.shopMoney ?? null;
  const nowAmount = now?.amount ?? "0";
  if (toMinorUnits(nowAmount) === toMinorUnits(expected)) return null;
  return {
    status: "skipped",
    reason: changedReason(expected, nowAmount, now?.currencyCode ?? null),
    detail: { frozenAmount: expected, refundableAmount: nowAmount },
  };
}

export async function performRefund(
  ctx: PerformContext,
  item: ItemToPerform,
  options: RefundOptions,
): Promise<ItemOutcome> {
  const saved = checkpointSchema.safeParse(ctx.previous);
  let input: RefundInput;
  if (saved.success) {
    input = saved.data.refundInput;
  } else {
    const data = await ctx.admin.request(
      options.mode === "full" ? FULL_REFUND_SUGGESTION : SHIPPING_REFUND_SUGGESTION,
      suggestionData,
      { id: item.orderId },
    );
    if (!data.order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
    if (!data.order.suggestedRefund)
      return { status: "skipped", reason: "Shopify suggests no refund for this order" };
    const suggested = data.order.suggestedRefund.amountSet.shopMoney;
    if (
      options.expectedAmount !== null &&
      toMinorUnits(suggested.amount) !== toMinorUnits(options.expectedAmount)
    )
      return {
        status: "skipped",
        reason: changedReason(
          options.expectedAmount,
          suggested.amount,
          suggested.currencyCode,
          options.mode === "full" ? "amount" : "shipping",
        ),
        detail: { frozenAmount: options.expectedAmount, refundableAmount: suggested.amount },
      };
    const built = refundInputFrom(data.order.suggestedRefund, {
      orderId: item.orderId,
      notify: options.notify,
      note: options.note,
      shippingOnly: options.mode === "shipping",
    });
    if (!built)
      return {
        status: "skipped",
        reason:
          options.mode === "full"
            ? "Nothing left to refund: the order is already refunded"
            : "No shipping left to refund",
      };
    input = built;
    await ctx.checkpoint({ refundInput: input });
  }
  const result = await ctx.admin.request(REFUND_CREATE, refundData, {
    input,
    key: item.idempotencyKey,
  });
  const payload = result.refundCreate;
  if (!payload) return { status: "failed", reason: "Shopify returned no refund and no reason" };
  if (payload.userErrors.length > 0 || !payload.refund) {
    return {
      status: "failed",
      reason: describeUserErrors("the refund", payload.userErrors),
      detail: { userErrors: payload.userErrors },
    };
  }
  // Staff read shop money; the buyer got their own currency back, said beside it when it differs.
  const amount = payload.refund.totalRefundedSet.shopMoney;
  const paid = payload.refund.totalRefundedSet.presentmentMoney;
  const buyer =
    paid.currencyCode === amount.currencyCode
      ? ""
      : ` (${formatMoney(paid.amount, paid.currencyCode)} to the customer)`;
  return {
    status: "done",
    summary: `${options.mode === "full" ? "Refunded" : "Refunded shipping"} ${formatMoney(amount.amount, amount.currencyCode)}${buyer}${options.notify ? ", customer notified" : ""}`,
    detail: {
      refundId: payload.refund.id,
      amount: amount.amount,
      currencyCode: amount.currencyCode,
      presentmentAmount: paid.amount,
      presentmentCurrencyCode: paid.currencyCode,
      notify: options.notify,
    },
  };
}
