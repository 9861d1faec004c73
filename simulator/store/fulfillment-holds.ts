// Fulfillment holds and deadlines on fulfillment orders, as the 2026-10 schema and shopify.dev
// describe them:
// - fulfillmentOrderHold: the FO goes to ON_HOLD ("The fulfillment process can't be initiated until
//   the hold on the fulfillment order is released", FulfillmentOrderStatus.ON_HOLD). Since 2025-01 a
//   held FO takes more holds, each with a handle unique per app and FO, at most 10 per app
//   (the mutation's description). `fulfillment_orders/placed_on_hold` is sent "once when the first
//   hold is applied and the fulfillment order status changes to ON_HOLD" (WebhookSubscriptionTopic).
// - fulfillmentOrderReleaseHold: releases the named holds (only those of this FO) or, with no
//   `holdIds`, all of them; with none left the FO returns to OPEN or SCHEDULED (REST FulfillmentOrder
//   release_hold: "changes the status of the fulfillment order to OPEN or SCHEDULED") and
//   `fulfillment_orders/hold_released` is sent "once when the last hold is released".
// - fulfillmentOrdersSetFulfillmentDeadline: sets fulfillBy on every FO named. The schema has no
//   webhook topic for it, so none is sent.
import type {
  FulfillmentHoldReason,
  FulfillmentHoldRecord,
  FulfillmentOrderRecord,
} from "./records";
import { supportedActions } from "./fulfillments";
import type { ShopStore } from "./shop-store";

/** What fulfillment_orders/* webhooks are built from (webhooks/payloads.ts). */
export interface FulfillmentOrderEvent {
  __typename: "FulfillmentOrderEvent";
  fulfillmentOrder: FulfillmentOrderRecord;
  /** The hold just placed (placed_on_hold); null for hold_released. */
  hold: FulfillmentHoldRecord | null;
}

export interface HoldUserError {
  field: string[] | null;
  message: string;
  /** A FulfillmentOrderHoldUserErrorCode / FulfillmentOrderReleaseHoldUserErrorCode, or null. */
  code: string | null;
}

export interface HoldInput {
  reason: FulfillmentHoldReason;
  reasonNotes: string | null;
  handle: string;
  at?: number;
}

// A hold is allowed where the FO offers HOLD among its supportedActions (one answer for both:
// supportedActions in fulfillments.ts). Closed, cancelled or incomplete FOs have nothing to stop.
const HOLD_LIMIT_PER_APP = 10;

function nextHoldId(store: ShopStore): number {
  let max = 9_900_000_000;
  for (const order of store.orders)
    for (const fo of order.fulfillmentOrders)
      for (const hold of fo.holds ?? []) if (hold.id > max) max = hold.id;
  return max + 1;
}

const NOT_FOUND: HoldUserError = {
  field: ["id"],
  message: "The fulfillment order could not be found.",
  code: "FULFILLMENT_ORDER_NOT_FOUND",
};

export function holdFulfillmentOrder(
  store: ShopStore,
  fulfillmentOrderId: number,
  input: HoldInput,
):
  | { fulfillmentOrder: FulfillmentOrderRecord; hold: FulfillmentHoldRecord }
  | { userErrors: HoldUserError[] } {
  const fo = store.fulfillmentOrder(fulfillmentOrderId);
  if (!fo) return { userErrors: [NOT_FOUND] };
  if (!supportedActions(fo).includes("HOLD"))
    return {
      // No code in FulfillmentOrderHoldUserErrorCode names a status refusal; our wording.
      userErrors: [
        {
          field: ["id"],
          message: `The fulfillment order's status (${fo.status}) does not allow a hold.`,
          code: null,
        },
      ],
    };
  const holds = fo.holds ?? [];
  if (holds.some((hold) => hold.handle === input.handle))
    return {
      userErrors: [
        {
          field: ["fulfillmentHold", "handle"],
          message:
            "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.",
          code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
        },
      ],
    };
  if (holds.length >= HOLD_LIMIT_PER_APP)
    return {
      userErrors: [
        {
          field: ["id"],
          message:
            "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.",
          code: "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
        },
      ],
    };
  const at = input.at ?? Date.now();
  const hold: FulfillmentHoldRecord = {
    __typename: "FulfillmentHold",
    id: nextHoldId(store),
    fulfillmentOrderId: fo.id,
    reason: input.reason,
    reasonNotes: input.reasonNotes,
    handle: input.handle,
    createdAt: at,
  };
  const first = fo.status !== "ON_HOLD";
  if (first) fo.statusBeforeHold = fo.status;
  fo.holds = [...holds, hold];
  fo.status = "ON_HOLD";
  fo.updatedAt = at;
  const event: FulfillmentOrderEvent = {
    __typename: "FulfillmentOrderEvent",
    fulfillmentOrder: fo,
    hold,
  };
  if (first) store.emit({ topic: "fulfillment_orders/placed_on_hold", record: event });
  return { fulfillmentOrder: fo, hold };
}

export function releaseFulfillmentHolds(
  store: ShopStore,
  fulfillmentOrderId: number,
  holdIds: readonly number[] | null,
  at = Date.now(),
): { fulfillmentOrder: FulfillmentOrderRecord } | { userErrors: HoldUserError[] } {
  const fo = store.fulfillmentOrder(fulfillmentOrderId);
  if (!fo)
    return { userErrors: [{ ...NOT_FOUND, message: "The fulfillment order wasn't found." }] };
  const holds = fo.holds ?? [];
  if (fo.status !== "ON_HOLD" || holds.length === 0)
    return {
      // Our wording; the release enum has only FULFILLMENT_ORDER_NOT_FOUND and INVALID_ACCESS.
      userErrors: [{ field: ["id"], message: "The fulfillment order is not on hold.", code: null }],
    };
  // "Holds will only be released if they belong to the fulfillment order specified by the `id`."
  const remaining = holdIds === null ? [] : holds.filter((hold) => !holdIds.includes(hold.id));
  fo.holds = remaining;
  fo.updatedAt = at;
  if (remaining.length === 0) {
    // Back to where it was: a partly shipped FO is IN_PROGRESS again, a deferred one SCHEDULED.
    fo.status =
      fo.statusBeforeHold === "SCHEDULED" || fo.statusBeforeHold === "IN_PROGRESS"
        ? fo.statusBeforeHold
        : "OPEN";
    delete fo.statusBeforeHold;
    const event: FulfillmentOrderEvent = {
      __typename: "FulfillmentOrderEvent",
      fulfillmentOrder: fo,
      hold: null,
    };
    store.emit({ topic: "fulfillment_orders/hold_released", record: event });
  }
  return { fulfillmentOrder: fo };
}

/** All or nothing: an unknown id refuses the whole call (FULFILLMENT_ORDERS_NOT_FOUND). */
export function setFulfillmentDeadline(
  store: ShopStore,
  fulfillmentOrderIds: readonly number[],
  deadline: number,
  at = Date.now(),
): { success: true } | { userErrors: HoldUserError[] } {
  const found = fulfillmentOrderIds.map((id) => store.fulfillmentOrder(id));
  if (found.some((fo) => fo === undefined) || found.length === 0)
    return {
      userErrors: [
        {
          field: ["fulfillmentOrderIds"],
          message: "The fulfillment orders could not be found.",
          code: "FULFILLMENT_ORDERS_NOT_FOUND",
        },
      ],
    };
  for (const fo of found) {
    if (!fo) continue;
    fo.fulfillBy = deadline;
    fo.updatedAt = at;
  }
  return { success: true };
}

/** A cancelled or fully refunded FO keeps no holds: nothing is left to hold. */
export function dropHolds(fo: FulfillmentOrderRecord): void {
  // Only touched when present: 100k seeded fulfillment orders never carry these keys.
  if (fo.holds !== undefined) delete fo.holds;
  if (fo.statusBeforeHold !== undefined) delete fo.statusBeforeHold;
}
