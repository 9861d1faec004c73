// A free add-on through an order edit (order-edit.server.ts): add the variant, discount that line
// 100 %, commit (optionally notifying the customer, with a staff note). The marker: a line of the
// same variant whose discounted total is zero is the add-on already given (ours, if a retry;
// anyone's otherwise), and we do not add another.
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { isZeroMoney } from "../jobs/money";
import { commitOptions, markerFound, refusal, runOrderEdit } from "./order-edit.server";
import { describeUserErrors, userErrorSchema } from "./user-errors";

export const ADD_ON_STATE = `#graphql
  query RemedyAddOnState($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      lineItems(first: 100) {
        nodes {
          id
          currentQuantity
          variant { id }
          discountedTotalSet { shopMoney { amount } }
        }
      }
    }
  }
`;

export const ORDER_EDIT_ADD_VARIANT = `#graphql
  mutation RemedyOrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {
    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: true) {
      calculatedLineItem { id }
      userErrors { field message }
    }
  }
`;

export const ORDER_EDIT_ADD_DISCOUNT = `#graphql
  mutation RemedyOrderEditAddLineItemDiscount($id: ID!, $lineItemId: ID!, $discount: OrderEditAppliedDiscountInput!) {
    orderEditAddLineItemDiscount(id: $id, lineItemId: $lineItemId, discount: $discount) {
      calculatedOrder { id }
      userErrors { field message }
    }
  }
`;

const stateData = z.object({
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      lineItems: z.object({
        nodes: z.array(
          z.object({
            id: z.string(),
            currentQuantity: z.number().int(),
            variant: z.object({ id: z.string() }).nullable(),
            discountedTotalSet: z.object({ shopMoney: z.object({ amount: z.string() }) }),
          }),
        ),
      }),
    })
    .nullable(),
});
const addVariantData = z.object({
  orderEditAddVariant: z
    .object({
      calculatedLineItem: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const addDiscountData = z.object({
  orderEditAddLineItemDiscount: z.object({ userErrors: z.array(userErrorSchema) }).nullable(),
});
export interface AddOnOptions {
  variantId: string;
  quantity: number;
  notifyCustomer: boolean;
  staffNote: string;
}

export type StateOrder = NonNullable<z.infer<typeof stateData>["order"]>;

/** The free line already on the order, if any: this variant, still there, costing nothing. */
export function freeLineOf(
  order: StateOrder,
  variantId: string,
): StateOrder["lineItems"]["nodes"][number] | undefined {
  return order.lineItems.nodes.find(
    (line) =>
      line.variant?.id === variantId &&
      line.currentQuantity > 0 &&
      isZeroMoney(line.discountedTotalSet.shopMoney.amount),
  );
}

export async function performAddOn(
  ctx: PerformContext,
  item: ItemToPerform,
  options: AddOnOptions,
): Promise<ItemOutcome> {
  const state = await ctx.admin.request(ADD_ON_STATE, stateData, { id: item.orderId });
  if (!state.order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  if (state.order.cancelledAt)
    return {
      status: "skipped",
      reason: "The order is cancelled; a cancelled order cannot be edited",
    };
  const existing = freeLineOf(state.order, options.variantId);
  if (existing)
    return markerFound(
      ctx,
      {
        summary: "Free add-on added",
        detail: { lineItemId: existing.id, variantId: options.variantId },
      },
      "The order already has this add-on for free",
    );
  const edit = await runOrderEdit(ctx, item.orderId, commitOptions(options), async (id) => {
    const added = (
      await ctx.admin.request(ORDER_EDIT_ADD_VARIANT, addVariantData, {
        id,
        variantId: options.variantId,
        quantity: options.quantity,
      })
    ).orderEditAddVariant;
    if (!added?.calculatedLineItem)
      return describeUserErrors("adding the add-on", added?.userErrors ?? []);
    const discounted = await ctx.admin.request(ORDER_EDIT_ADD_DISCOUNT, addDiscountData, {
      id,
      lineItemId: added.calculatedLineItem.id,
      discount: { percentValue: 100, description: "Thank you for waiting" },
    });
    return refusal("the 100 % discount", discounted.orderEditAddLineItemDiscount);
  });
  if ("failed" in edit) return { status: "failed", reason: edit.failed };
  return {
    status: "done",
    summary: `Free add-on added${options.notifyCustomer ? ", customer notified" : ""}`,
    detail: {
      variantId: options.variantId,
      quantity: options.quantity,
      calculatedOrderId: edit.calculatedOrderId,
    },
  };
}
