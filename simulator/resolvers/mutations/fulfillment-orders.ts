// fulfillmentOrderHold, fulfillmentOrderReleaseHold and fulfillmentOrdersSetFulfillmentDeadline
// (2026-10 signatures); the state changes and their webhooks live in store/fulfillment-holds.ts.
// A bad id is a userError with the payload's code, not a GraphQL error.
import { z } from "zod";
import { parseGid, toGid } from "../../gid";
import {
  holdFulfillmentOrder,
  releaseFulfillmentHolds,
  setFulfillmentDeadline,
} from "../../store/fulfillment-holds";
import type { FulfillmentHoldRecord } from "../../store/records";
import { defineType, hasTypename, notSimulated, type FieldResolver } from "../define";

const HOLD_REASONS = [
  "AWAITING_PAYMENT",
  "AWAITING_RETURN_ITEMS",
  "HIGH_RISK_OF_FRAUD",
  "INCORRECT_ADDRESS",
  "INVENTORY_OUT_OF_STOCK",
  "ONLINE_STORE_POST_PURCHASE_CROSS_SELL",
  "OTHER",
  "UNKNOWN_DELIVERY_DATE",
] as const;

const holdArgs = z.object({
  id: z.string(),
  fulfillmentHold: z.object({
    reason: z.enum(HOLD_REASONS),
    reasonNotes: z.string().nullish(),
    handle: z.string().nullish(),
    notifyMerchant: z.boolean().nullish(),
    externalId: z.string().nullish(),
    fulfillmentOrderLineItems: z.array(z.unknown()).nullish(),
  }),
});
const releaseArgs = z.object({
  id: z.string(),
  holdIds: z.array(z.string()).nullish(),
  externalId: z.string().nullish(),
});
const deadlineArgs = z.object({
  fulfillmentDeadline: z.string(),
  fulfillmentOrderIds: z.array(z.string()),
});

function fulfillmentOrderId(value: string): number | null {
  const gid = parseGid(value);
  return gid && gid.type === "FulfillmentOrder" ? gid.id : null;
}

// Shopify's DateTime has second precision.
const toSeconds = (ms: number) => Math.floor(ms / 1000) * 1000;

export const fulfillmentOrderMutations: Record<string, FieldResolver<unknown>> = {
  fulfillmentOrderHold: (_root, rawArgs, context) => {
    const args = holdArgs.parse(rawArgs);
    const id = fulfillmentOrderId(args.id);
    const input = args.fulfillmentHold;
    const fo = id === null ? undefined : context.store.fulfillmentOrder(id);
    if (input.fulfillmentOrderLineItems && input.fulfillmentOrderLineItems.length > 0) {
      // FulfillmentOrderHoldInput.fulfillmentOrderLineItems: "Not supported when placing a hold on
      // a fulfillment order that is already held … a user error … not able to be split."
      if (fo?.status === "ON_HOLD")
        return {
          fulfillmentHold: null,
          fulfillmentOrder: null,
          remainingFulfillmentOrder: null,
          userErrors: [
            {
              field: ["fulfillmentHold", "fulfillmentOrderLineItems"],
              message: "The fulfillment order is not in a splittable state.",
              code: "FULFILLMENT_ORDER_NOT_SPLITTABLE",
            },
          ],
        };
      throw notSimulated("Mutation", "fulfillmentOrderHold", "(fulfillmentOrderLineItems)");
    }
    const result = holdFulfillmentOrder(context.store, id ?? -1, {
      reason: input.reason,
      reasonNotes: input.reasonNotes ?? null,
      handle: input.handle ?? "",
    });
    if ("userErrors" in result)
      return {
        fulfillmentHold: null,
        fulfillmentOrder: null,
        remainingFulfillmentOrder: null,
        userErrors: result.userErrors,
      };
    return {
      fulfillmentHold: result.hold,
      fulfillmentOrder: result.fulfillmentOrder,
      remainingFulfillmentOrder: null,
      userErrors: [],
    };
  },

  fulfillmentOrderReleaseHold: (_root, rawArgs, context) => {
    const args = releaseArgs.parse(rawArgs);
    const id = fulfillmentOrderId(args.id) ?? -1;
    const holdIds =
      args.holdIds === null || args.holdIds === undefined
        ? null
        : args.holdIds.flatMap((holdId) => {
            const gid = parseGid(holdId);
            return gid && gid.type === "FulfillmentHold" ? [gid.id] : [];
          });
    const result = releaseFulfillmentHolds(context.store, id, holdIds);
    if ("userErrors" in result) return { fulfillmentOrder: null, userErrors: result.userErrors };
    return { fulfillmentOrder: result.fulfillmentOrder, userErrors: [] };
  },

  fulfillmentOrdersSetFulfillmentDeadline: (_root, rawArgs, context) => {
    const args = deadlineArgs.parse(rawArgs);
    const ids = args.fulfillmentOrderIds.map((value) => fulfillmentOrderId(value) ?? -1);
    const deadline = Date.parse(args.fulfillmentDeadline);
    const result = setFulfillmentDeadline(context.store, ids, toSeconds(deadline));
    if ("userErrors" in result) return { success: false, userErrors: result.userErrors };
    return { success: true, userErrors: [] };
  },
};

export const fulfillmentHoldType = defineType(
  "FulfillmentHold",
  hasTypename<FulfillmentHoldRecord>("FulfillmentHold"),
  {
    id: (hold) => toGid("FulfillmentHold", hold.id),
    reason: (hold) => hold.reason,
    reasonNotes: (hold) => hold.reasonNotes,
    handle: (hold) => hold.handle,
    // Every hold in the simulator is placed through the API by the one app it serves.
    heldByRequestingApp: () => true,
    displayReason: (hold) => DISPLAY_REASONS[hold.reason],
  },
);

// FulfillmentHold.displayReason is "the localized reason … for display purposes"; these English
// labels are ours (Shopify's admin wording is not in the schema).
const DISPLAY_REASONS: Record<FulfillmentHoldRecord["reason"], string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Post-purchase cross-sell",
  OTHER: "Other",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
};
