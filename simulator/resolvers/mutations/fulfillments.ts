// fulfillmentCreate (2026-10 signature: fulfillment: FulfillmentInput!, message: String) and the
// Fulfillment it returns; the state change lives in store/fulfillments.ts. A bad id or quantity is
// a userError (UserError: field, message), not a GraphQL error.
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../../connection";
import { parseGid, toGid } from "../../gid";
import { createFulfillment } from "../../store/fulfillments";
import type {
  FulfillmentRecord,
  FulfillmentTrackingRecord,
  LineItemRecord,
} from "../../store/records";
import { defineType, hasTypename, type FieldResolver } from "../define";
import { iso, moneyBag } from "../values";

const fulfillmentArgs = z.object({
  fulfillment: z.object({
    lineItemsByFulfillmentOrder: z.array(
      z.object({
        fulfillmentOrderId: z.string(),
        fulfillmentOrderLineItems: z
          .array(z.object({ id: z.string(), quantity: z.number().int() }))
          .nullish(),
      }),
    ),
    notifyCustomer: z.boolean().nullish(),
    originAddress: z.unknown().nullish(),
    trackingInfo: z
      .object({
        company: z.string().nullish(),
        number: z.string().nullish(),
        numbers: z.array(z.string()).nullish(),
        url: z.string().nullish(),
        urls: z.array(z.string()).nullish(),
      })
      .nullish(),
  }),
  message: z.string().nullish(),
});

function idOf(value: string, type: string): number | null {
  const gid = parseGid(value);
  return gid && gid.type === type ? gid.id : null;
}

export const fulfillmentMutations: Record<string, FieldResolver<unknown>> = {
  fulfillmentCreate: (_root, rawArgs, context) => {
    const args = fulfillmentArgs.parse(rawArgs);
    const input = args.fulfillment;
    const tracking = input.trackingInfo;
    const result = createFulfillment(context.store, {
      lineItemsByFulfillmentOrder: input.lineItemsByFulfillmentOrder.map((group) => ({
        fulfillmentOrderId: idOf(group.fulfillmentOrderId, "FulfillmentOrder"),
        fulfillmentOrderLineItems:
          group.fulfillmentOrderLineItems?.map((line) => ({
            id: idOf(line.id, "FulfillmentOrderLineItem"),
            quantity: line.quantity,
          })) ?? null,
      })),
      tracking: tracking
        ? {
            company: tracking.company ?? null,
            number: tracking.number ?? tracking.numbers?.[0] ?? null,
            url: tracking.url ?? tracking.urls?.[0] ?? null,
          }
        : null,
      // "The default value is `false`." (FulfillmentInput.notifyCustomer)
      notifyCustomer: input.notifyCustomer ?? false,
    });
    if ("userErrors" in result) return { fulfillment: null, userErrors: result.userErrors };
    return { fulfillment: result.fulfillment, userErrors: [] };
  },
};

interface FulfillmentLineItemView {
  __typename: "FulfillmentLineItem";
  id: number;
  fulfillment: FulfillmentRecord;
  lineItemId: number;
  quantity: number;
}

/** A fulfillment's lines as FulfillmentLineItem values (their ids derived from the fulfillment's). */
export function fulfillmentLineItemViews(
  fulfillment: FulfillmentRecord,
): FulfillmentLineItemView[] {
  return fulfillment.lineItems.map((line, index) => ({
    __typename: "FulfillmentLineItem",
    id: fulfillment.id * 100 + index,
    fulfillment,
    lineItemId: line.lineItemId,
    quantity: line.quantity,
  }));
}

const byId = (record: { id: number }) => ({ id: record.id, value: record.id });

export const fulfillmentType = defineType(
  "Fulfillment",
  hasTypename<FulfillmentRecord>("Fulfillment"),
  {
    id: (fulfillment) => toGid("Fulfillment", fulfillment.id),
    legacyResourceId: (fulfillment) => String(fulfillment.id),
    name: (fulfillment) => fulfillment.name,
    status: (fulfillment) => fulfillment.status,
    createdAt: (fulfillment) => iso(fulfillment.createdAt),
    updatedAt: (fulfillment) => iso(fulfillment.createdAt),
    deliveredAt: () => null,
    inTransitAt: () => null,
    estimatedDeliveryAt: () => null,
    displayStatus: (fulfillment) =>
      fulfillment.trackingInfo.length > 0 ? "FULFILLED" : "MARKED_AS_FULFILLED",
    requiresShipping: () => true,
    totalQuantity: (fulfillment) =>
      fulfillment.lineItems.reduce((sum, line) => sum + line.quantity, 0),
    trackingInfo: (fulfillment) => fulfillment.trackingInfo,
    order: (fulfillment, _args, context) => context.store.order(fulfillment.orderId) ?? null,
    location: (fulfillment, _args, context) =>
      context.store.location(fulfillment.locationId) ?? null,
    fulfillmentLineItems: (fulfillment, rawArgs) => {
      const args = connectionArgsSchema.parse(rawArgs);
      return paginate(fulfillmentLineItemViews(fulfillment), args, "fulfillmentLineItems", byId);
    },
  },
);

function lineItemOf(view: FulfillmentLineItemView, items: readonly LineItemRecord[]) {
  const item = items.find((candidate) => candidate.id === view.lineItemId);
  if (!item) throw new Error(`Simulator store is inconsistent: no line item ${view.lineItemId}`);
  return item;
}

export const fulfillmentLineItemType = defineType(
  "FulfillmentLineItem",
  hasTypename<FulfillmentLineItemView>("FulfillmentLineItem"),
  {
    id: (view) => toGid("FulfillmentLineItem", view.id),
    quantity: (view) => view.quantity,
    lineItem: (view, _args, context) =>
      lineItemOf(view, context.store.order(view.fulfillment.orderId)?.lineItems ?? []),
    originalTotalSet: (view, _args, context) => {
      const order = context.store.order(view.fulfillment.orderId);
      if (!order) throw new Error("Simulator store is inconsistent: no order");
      return moneyBag(
        lineItemOf(view, order.lineItems).unitPriceCents * view.quantity,
        order.currencies,
      );
    },
  },
);

export const fulfillmentTrackingInfoType = defineType(
  "FulfillmentTrackingInfo",
  hasTypename<FulfillmentTrackingRecord>("FulfillmentTrackingInfo"),
  {
    company: (info) => info.company,
    number: (info) => info.number,
    url: (info) => info.url,
  },
);
