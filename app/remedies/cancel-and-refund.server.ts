// Cancels an unfulfilled order with a full refund to the original payment and a restock, through
// orderCancel, which Shopify runs as an asynchronous job we poll. orderCancel takes no
// idempotency key, so safety on retry comes from looking first: an order that is already
// cancelled is never cancelled again. If we had asked for the cancel before (checkpoint) and the
// order now shows cancelled, that was our cancel whose answer was lost: the item is done.
import { z } from "zod";
import type { ItemOutcome, ItemToPerform, PerformContext } from "../jobs/job-kind";
import { TransientAdminError } from "../admin-api/admin-errors";
import { describeUserErrors, userErrorSchema } from "./user-errors";

export const CANCEL_STATE = `#graphql
  query RemedyCancelState($id: ID!) {
    order(id: $id) {
      id
      cancelledAt
      displayFulfillmentStatus
      displayFinancialStatus
    }
  }
`;

export const ORDER_CANCEL = `#graphql
  mutation RemedyOrderCancel($orderId: ID!, $reason: OrderCancelReason!, $notifyCustomer: Boolean, $staffNote: String) {
    orderCancel(
      orderId: $orderId
      reason: $reason
      refundMethod: { originalPaymentMethodsRefund: true }
      restock: true
      notifyCustomer: $notifyCustomer
      staffNote: $staffNote
    ) {
      job { id done }
      orderCancelUserErrors { field message code }
    }
  }
`;

export const CANCEL_JOB = `#graphql
  query RemedyCancelJob($id: ID!) {
    job(id: $id) { id done }
  }
`;

const stateData = z.object({
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      displayFulfillmentStatus: z.string(),
      displayFinancialStatus: z.string().nullable(),
    })
    .nullable(),
});
const cancelData = z.object({
  orderCancel: z
    .object({
      job: z.object({ id: z.string(), done: z.boolean() }).nullable(),
      orderCancelUserErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const jobData = z.object({ job: z.object({ id: z.string(), done: z.boolean() }).nullable() });
const checkpointSchema = z.object({ cancelRequested: z.literal(true) });

export interface CancelOptions {
  reason: "CUSTOMER" | "INVENTORY" | "OTHER" | "STAFF";
  notifyCustomer: boolean;
  staffNote: string;
}

// Nothing shipped yet. ON_HOLD ("All of the unfulfilled items in this order are on hold",
// OrderDisplayFulfillmentStatus) is what Delay Desk's own hold makes of an order whose customer
// chose a refund (docs/fulfillment-in-shopify.md); orderCancel's conditions do not name holds.
export const CANCELLABLE_FULFILLMENT_STATUSES: ReadonlySet<string> = new Set([
  "UNFULFILLED",
  "ON_HOLD",
]);

// Shopify cancels within seconds; past this we let the runner retry, which re-checks the order.
const POLLS = 20;
const POLL_MS = 500;

export async function performCancel(
  ctx: PerformContext,
  item: ItemToPerform,
  options: CancelOptions,
): Promise<ItemOutcome> {
  const state = await ctx.admin.request(CANCEL_STATE, stateData, { id: item.orderId });
  const order = state.order;
  if (!order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  const ours = checkpointSchema.safeParse(ctx.previous).success;
  if (order.cancelledAt) {
    return ours
      ? {
          status: "done",
          summary: "Cancelled and refunded (confirmed on re-check)",
          detail: { cancelledAt: order.cancelledAt, financialStatus: order.displayFinancialStatus },
        }
      : { status: "skipped", reason: "Already cancelled before this job" };
  }
  if (!CANCELLABLE_FULFILLMENT_STATUSES.has(order.displayFulfillmentStatus)) {
    return {
      status: "skipped",
      reason: `Not cancelled: the order is ${order.displayFulfillmentStatus.toLowerCase().replace(/_/g, " ")}; refund it instead`,
    };
  }
  await ctx.checkpoint({ cancelRequested: true });
  const result = await ctx.admin.request(ORDER_CANCEL, cancelData, {
    orderId: item.orderId,
    reason: options.reason,
    notifyCustomer: options.notifyCustomer,
    staffNote: options.staffNote,
  });
  const payload = result.orderCancel;
  if (!payload)
    return { status: "failed", reason: "Shopify returned no cancellation and no reason" };
  if (payload.orderCancelUserErrors.length > 0) {
    return {
      status: "failed",
      reason: describeUserErrors("the cancellation", payload.orderCancelUserErrors),
      detail: { userErrors: payload.orderCancelUserErrors },
    };
  }
  let done = payload.job?.done ?? true;
  for (let poll = 0; !done && payload.job && poll < POLLS; poll++) {
    await ctx.sleep(POLL_MS);
    done = (await ctx.admin.request(CANCEL_JOB, jobData, { id: payload.job.id })).job?.done ?? true;
  }
  if (!done)
    throw new TransientAdminError("orderCancel", "Shopify's cancel job has not finished yet");
  const after = await ctx.admin.request(CANCEL_STATE, stateData, { id: item.orderId });
  if (!after.order?.cancelledAt)
    return {
      status: "failed",
      reason: "Shopify finished the cancel job but the order is not cancelled",
    };
  return {
    status: "done",
    summary: `Cancelled, refunded to the original payment and restocked${options.notifyCustomer ? ", customer notified" : ""}`,
    detail: {
      cancelledAt: after.order.cancelledAt,
      financialStatus: after.order.displayFinancialStatus,
      jobId: payload.job?.id ?? null,
    },
  };
}
