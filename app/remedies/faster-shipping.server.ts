// Faster shipping, paid by the shop: an order edit that renames the order's shipping line to the
// faster service (price unchanged, so the customer pays nothing more) or adds one at no charge.
// An added line's price is charged to the buyer, so it is in the order's presentment currency
// (Order.presentmentCurrencyCode), not the shop's: Shopify edits an order paid in another
// currency in that currency (help.shopify.com/en/manual/fulfillment/managing-orders/editing-orders/considerations).
// No idempotency key exists for edits; the new title is the marker: an order whose shipping
// line already carries it has been upgraded, and a retry does not edit it again. The order's edit
// claim (order-edit-claim.ts) keeps two performers of one item from editing at once.
// (The other half of this remedy, the shipping cost back, is refund.server.ts in "shipping" mode.)
import { z } from "zod";
import { currencyCodeSchema } from "../admin-api/enums";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { seenClaimSchema } from "./order-edit-claim";
import {
  commitOptions,
  performOrderEdit,
  refusal,
  type OrderEditClaimOptions,
} from "./order-edit.server";
import { userErrorSchema } from "./user-errors";

export const SHIPPING_STATE = `#graphql
  query RemedyShippingState($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFulfillmentStatus
      presentmentCurrencyCode
      shippingLines(first: 5) { nodes { id title } }
      editClaim: metafield(namespace: "$app", key: "order_edit_claim") { value compareDigest }
    }
  }
`;

export const EDIT_SHIPPING_LINES = `#graphql
  query RemedyEditShippingLines($id: ID!) {
    node(id: $id) {
      ... on CalculatedOrder { id shippingLines { id title } }
    }
  }
`;

export const ORDER_EDIT_UPDATE_SHIPPING = `#graphql
  mutation RemedyOrderEditUpdateShippingLine($id: ID!, $shippingLineId: ID!, $shippingLine: OrderEditUpdateShippingLineInput!) {
    orderEditUpdateShippingLine(id: $id, shippingLineId: $shippingLineId, shippingLine: $shippingLine) {
      userErrors { field message }
    }
  }
`;

export const ORDER_EDIT_ADD_SHIPPING = `#graphql
  mutation RemedyOrderEditAddShippingLine($id: ID!, $shippingLine: OrderEditAddShippingLineInput!) {
    orderEditAddShippingLine(id: $id, shippingLine: $shippingLine) {
      userErrors { field message }
    }
  }
`;

const stateData = z.object({
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      displayFulfillmentStatus: z.string(),
      presentmentCurrencyCode: currencyCodeSchema,
      shippingLines: z.object({ nodes: z.array(z.object({ id: z.string(), title: z.string() })) }),
      editClaim: seenClaimSchema,
    })
    .nullable(),
});
type ShippingState = NonNullable<z.infer<typeof stateData>["order"]>;
const editLinesData = z.object({
  node: z
    .object({
      id: z.string(),
      shippingLines: z.array(z.object({ id: z.string(), title: z.string() })),
    })
    .nullable(),
});
const stepSchema = z.object({ userErrors: z.array(userErrorSchema) }).nullable();
const updateShippingData = z.object({ orderEditUpdateShippingLine: stepSchema });
const addShippingData = z.object({ orderEditAddShippingLine: stepSchema });
export interface FasterShippingOptions {
  title: string;
  notifyCustomer: boolean;
  staffNote: string;
}

export async function performFasterShipping(
  ctx: PerformContext,
  item: ItemToPerform,
  options: FasterShippingOptions,
  claim: OrderEditClaimOptions = {},
): Promise<ItemOutcome> {
  let previousTitle: string | null = null;
  return performOrderEdit<ShippingState | null, ShippingState>(
    ctx,
    item,
    {
      look: async () => {
        const { order } = await ctx.admin.request(SHIPPING_STATE, stateData, { id: item.orderId });
        return { state: order, claim: order?.editClaim ?? null };
      },
      settled: (state) => {
        const skipped = (reason: string) => ({ outcome: { status: "skipped" as const, reason } });
        if (!state) return skipped("Order not found in Shopify (deleted?)");
        if (state.cancelledAt) return skipped("The order is cancelled");
        if (state.displayFulfillmentStatus === "FULFILLED")
          return skipped("Already shipped: refund the shipping instead");
        if (!state.shippingLines.nodes.some((line) => line.title === options.title))
          return { editable: state };
        return {
          marker: {
            confirmed: {
              summary: `Shipping upgraded to ${options.title}`,
              detail: { title: options.title },
            },
            skipReason: `Shipping is already ${options.title}`,
          },
        };
      },
      steps: async (id, state) => {
        const lines =
          (await ctx.admin.request(EDIT_SHIPPING_LINES, editLinesData, { id })).node
            ?.shippingLines ?? [];
        // The order as of this edit's begin already has the title: an edit landed since our look.
        if (lines.some((line) => line.title === options.title)) return { alreadyDone: true };
        const first = lines[0];
        previousTitle = first?.title ?? null;
        const step = first
          ? (
              await ctx.admin.request(ORDER_EDIT_UPDATE_SHIPPING, updateShippingData, {
                id,
                shippingLineId: first.id,
                shippingLine: { title: options.title },
              })
            ).orderEditUpdateShippingLine
          : (
              await ctx.admin.request(ORDER_EDIT_ADD_SHIPPING, addShippingData, {
                id,
                shippingLine: {
                  title: options.title,
                  price: { amount: "0.00", currencyCode: state.presentmentCurrencyCode },
                },
              })
            ).orderEditAddShippingLine;
        return refusal("the shipping change", step);
      },
      done: () => ({
        status: "done",
        summary: `Shipping upgraded to ${options.title} at the shop's cost`,
        detail: { title: options.title, previousTitle },
      }),
      commit: commitOptions(options),
    },
    claim,
  );
}
