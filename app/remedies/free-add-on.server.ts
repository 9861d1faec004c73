// A free add-on through an order edit (order-edit.server.ts): add the variant, discount that line
// 100 %, commit (optionally notifying the customer, with a staff note). The marker: a line of the
// same variant whose discounted total is zero is the add-on already given (ours, if a retry;
// anyone's otherwise), and we do not add another. It is looked for on the order before the edit
// and on the calculated order inside it; the order's edit claim (order-edit-claim.ts) keeps a
// second performer of the same item from editing beside the first.
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { isZeroMoney } from "../jobs/money";
import { seenClaimSchema } from "./order-edit-claim";
import {
  commitOptions,
  performOrderEdit,
  refusal,
  type OrderEditClaimOptions,
} from "./order-edit.server";
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
      editClaim: metafield(namespace: "$app", key: "order_edit_claim") { value compareDigest }
    }
  }
`;

export const EDIT_LINE_ITEMS = `#graphql
  query RemedyEditLineItems($id: ID!) {
    node(id: $id) {
      ... on CalculatedOrder {
        id
        lineItems(first: 100) {
          nodes { quantity variant { id } discountedUnitPriceSet { shopMoney { amount } } }
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
      editClaim: seenClaimSchema,
    })
    .nullable(),
});
const editLinesData = z.object({
  node: z
    .object({
      id: z.string(),
      lineItems: z.object({
        nodes: z.array(
          z.object({
            quantity: z.number().int(),
            variant: z.object({ id: z.string() }).nullable(),
            discountedUnitPriceSet: z.object({ shopMoney: z.object({ amount: z.string() }) }),
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
  claim: OrderEditClaimOptions = {},
): Promise<ItemOutcome> {
  const marker = {
    summary: "Free add-on added",
    reason: "The order already has this add-on for free",
  };
  return performOrderEdit<StateOrder | null, StateOrder>(
    ctx,
    item,
    {
      look: async () => {
        const { order } = await ctx.admin.request(ADD_ON_STATE, stateData, { id: item.orderId });
        return { state: order, claim: order?.editClaim ?? null };
      },
      settled: (order) => {
        if (!order)
          return {
            outcome: { status: "skipped", reason: "Order not found in Shopify (deleted?)" },
          };
        if (order.cancelledAt)
          return {
            outcome: {
              status: "skipped",
              reason: "The order is cancelled; a cancelled order cannot be edited",
            },
          };
        const existing = freeLineOf(order, options.variantId);
        if (!existing) return { editable: order };
        return {
          marker: {
            confirmed: {
              summary: marker.summary,
              detail: { lineItemId: existing.id, variantId: options.variantId },
            },
            skipReason: marker.reason,
          },
        };
      },
      steps: async (id) => {
        // The calculated order is the order as of this edit's begin: a free line on it was added
        // by an edit committed after our look (the claim makes that rare, not impossible).
        const calculated = await ctx.admin.request(EDIT_LINE_ITEMS, editLinesData, { id });
        const lines = calculated.node?.lineItems.nodes ?? [];
        if (
          lines.some(
            (line) =>
              line.variant?.id === options.variantId &&
              line.quantity > 0 &&
              isZeroMoney(line.discountedUnitPriceSet.shopMoney.amount),
          )
        )
          return { alreadyDone: true };
        const added = (
          await ctx.admin.request(ORDER_EDIT_ADD_VARIANT, addVariantData, {
            id,
            variantId: options.variantId,
            quantity: options.quantity,
          })
        ).orderEditAddVariant;
        if (!added?.calculatedLineItem)
          return { refused: describeUserErrors("adding the add-on", added?.userErrors ?? []) };
        const discounted = await ctx.admin.request(ORDER_EDIT_ADD_DISCOUNT, addDiscountData, {
          id,
          lineItemId: added.calculatedLineItem.id,
          discount: { percentValue: 100, description: "Thank you for waiting" },
        });
        return refusal("the 100 % discount", discounted.orderEditAddLineItemDiscount);
      },
      done: (_order, calculatedOrderId) => ({
        status: "done",
        summary: `${marker.summary}${options.notifyCustomer ? ", customer notified" : ""}`,
        detail: { variantId: options.variantId, quantity: options.quantity, calculatedOrderId },
      }),
      commit: commitOptions(options),
    },
    claim,
  );
}
