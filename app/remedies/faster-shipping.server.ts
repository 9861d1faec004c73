// Faster shipping, paid by the shop: an order edit that renames the order's shipping line to the
// faster service (price unchanged, so the customer pays nothing more) or adds one at no charge.
// An added line's price is charged to the buyer, so it is in the order's presentment currency
// (Order.presentmentCurrencyCode), not the shop's: Shopify edits an order paid in another
// currency in that currency (help.shopify.com/en/manual/fulfillment/managing-orders/editing-orders/considerations).
// No idempotency key exists for edits; the new title is the marker: an order whose shipping
// line already carries it has been upgraded, and a retry does not edit it again.
// (The other half of this remedy, the shipping cost back, is refund.server.ts in "shipping" mode.)
import { z } from "zod";
import { currencyCodeSchema } from "../admin-api/enums";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { commitOptions, markerFound, refusal, runOrderEdit } from "./order-edit.server";
import { userErrorSchema } from "./user-errors";

export const SHIPPING_STATE = `#graphql
  query RemedyShippingState($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFulfillmentStatus
      presentmentCurrencyCode
      shippingLines(first: 5) { nodes { id title } }
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
    })
    .nullable(),
});
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
): Promise<ItemOutcome> {
  const state = (await ctx.admin.request(SHIPPING_STATE, stateData, { id: item.orderId })).order;
  if (!state) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  if (state.cancelledAt) return { status: "skipped", reason: "The order is cancelled" };
  if (state.displayFulfillmentStatus === "FULFILLED")
    return { status: "skipped", reason: "Already shipped: refund the shipping instead" };
  if (state.shippingLines.nodes.some((line) => line.title === options.title))
    return markerFound(
      ctx,
      { summary: `Shipping upgraded to ${options.title}`, detail: { title: options.title } },
      `Shipping is already ${options.title}`,
    );
  let previousTitle: string | null = null;
  const edit = await runOrderEdit(ctx, item.orderId, commitOptions(options), async (id) => {
    const lines =
      (await ctx.admin.request(EDIT_SHIPPING_LINES, editLinesData, { id })).node?.shippingLines ??
      [];
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
  });
  if ("failed" in edit) return { status: "failed", reason: edit.failed };
  return {
    status: "done",
    summary: `Shipping upgraded to ${options.title} at the shop's cost`,
    detail: { title: options.title, previousTitle },
  };
}
