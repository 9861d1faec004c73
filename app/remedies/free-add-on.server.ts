// A free add-on through an order edit: begin, add the variant, discount that line 100 %, commit
// (optionally notifying the customer, with a staff note). Order edits take no idempotency key,
// so before editing we look at the order: a line of the same variant whose discounted total is
// zero is the add-on already given (ours, if a retry; anyone's otherwise), and we do not add
// another. A crash before commit leaves only an uncommitted edit session, which Shopify drops.
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { isZeroMoney } from "../jobs/money";
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

export const ORDER_EDIT_BEGIN = `#graphql
  mutation RemedyOrderEditBegin($id: ID!) {
    orderEditBegin(id: $id) {
      calculatedOrder { id }
      userErrors { field message }
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

export const ORDER_EDIT_COMMIT = `#graphql
  mutation RemedyOrderEditCommit($id: ID!, $notifyCustomer: Boolean, $staffNote: String) {
    orderEditCommit(id: $id, notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
      order { id }
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
const beginData = z.object({
  orderEditBegin: z
    .object({
      calculatedOrder: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(userErrorSchema),
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
const commitData = z.object({
  orderEditCommit: z
    .object({
      order: z.object({ id: z.string() }).nullable(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const checkpointSchema = z.object({ editStarted: z.literal(true) });

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
  if (existing) {
    return checkpointSchema.safeParse(ctx.previous).success
      ? {
          status: "done",
          summary: "Free add-on added (confirmed on re-check)",
          detail: { lineItemId: existing.id, variantId: options.variantId },
        }
      : { status: "skipped", reason: "The order already has this add-on for free" };
  }
  await ctx.checkpoint({ editStarted: true });
  const begin = (await ctx.admin.request(ORDER_EDIT_BEGIN, beginData, { id: item.orderId }))
    .orderEditBegin;
  if (!begin?.calculatedOrder)
    return {
      status: "failed",
      reason: describeUserErrors("the order edit", begin?.userErrors ?? []),
    };
  const calculatedOrderId = begin.calculatedOrder.id;
  const added = (
    await ctx.admin.request(ORDER_EDIT_ADD_VARIANT, addVariantData, {
      id: calculatedOrderId,
      variantId: options.variantId,
      quantity: options.quantity,
    })
  ).orderEditAddVariant;
  if (!added?.calculatedLineItem)
    return {
      status: "failed",
      reason: describeUserErrors("adding the add-on", added?.userErrors ?? []),
    };
  const discounted = (
    await ctx.admin.request(ORDER_EDIT_ADD_DISCOUNT, addDiscountData, {
      id: calculatedOrderId,
      lineItemId: added.calculatedLineItem.id,
      discount: { percentValue: 100, description: "Thank you for waiting" },
    })
  ).orderEditAddLineItemDiscount;
  if (!discounted || discounted.userErrors.length > 0)
    return {
      status: "failed",
      reason: describeUserErrors("the 100 % discount", discounted?.userErrors ?? []),
    };
  const committed = (
    await ctx.admin.request(ORDER_EDIT_COMMIT, commitData, {
      id: calculatedOrderId,
      notifyCustomer: options.notifyCustomer,
      staffNote: options.staffNote,
    })
  ).orderEditCommit;
  if (!committed?.order)
    return {
      status: "failed",
      reason: describeUserErrors("committing the order edit", committed?.userErrors ?? []),
    };
  return {
    status: "done",
    summary: `Free add-on added${options.notifyCustomer ? ", customer notified" : ""}`,
    detail: { variantId: options.variantId, quantity: options.quantity, calculatedOrderId },
  };
}
