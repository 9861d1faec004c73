// The truth in Shopify itself (issue 13 point 7; docs/fulfillment-in-shopify.md). Three job kinds,
// run by the job runner through `backgroundAdmin(shop)` and paced like every remedy:
// - fulfillment_deadline: a late order's fulfillment orders get `fulfillBy` = the end of its
//   conservative day (fulfillmentOrdersSetFulfillmentDeadline), only when that date changed;
// - fulfillment_hold: while a cancellation is pending (the customer chose a refund, or a consent
//   deadline passed and the merchant reviews it), its fulfillment orders are held (reason OTHER,
//   a note, Delay Desk's handle) so nobody ships what is being refunded;
// - fulfillment_release: when that cancellation is dropped, Delay Desk's own holds come off.
// Pausing sales holds nothing: existing orders should ship.
//
// Each perform looks at Shopify first and at OrderFulfillmentState, so a retry after a lost answer
// never acts twice, and a job that runs after the situation changed (the customer switched back)
// skips instead of acting on stale intent.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { createJob } from "../jobs/jobs.server";
import {
  defineJobKind,
  type ItemOutcome,
  type JobKind,
  type PerformContext,
} from "../jobs/job-kind";
import { isLocalDate } from "../promise/local-date";
import { describeUserErrors, userErrorSchema } from "../remedies/user-errors";
import { loadShopSettings } from "../settings/shop-settings.server";
import {
  HOLD_HANDLE,
  HOLD_NOTES,
  deadlineInstant,
  deadlineNeedsMove,
  deadlineShown,
  isLate,
  ownHolds,
  toHold,
  unshipped,
  type PendingCancellation,
  type ShopifyFulfillmentOrder,
} from "./fulfillment-truth";

export const FULFILLMENT_ORDERS_OF_ORDER = `#graphql
  query FulfillmentOrdersOfOrder($id: ID!) {
    shop {
      ianaTimezone
    }
    order(id: $id) {
      id
      cancelledAt
      fulfillmentOrders(first: 20) {
        nodes {
          id
          status
          fulfillBy
          fulfillmentHolds {
            id
            handle
          }
          supportedActions {
            action
          }
        }
      }
    }
  }
`;

export const SET_FULFILLMENT_DEADLINE = `#graphql
  mutation FulfillmentDeadlineSet($deadline: DateTime!, $ids: [ID!]!) {
    fulfillmentOrdersSetFulfillmentDeadline(fulfillmentDeadline: $deadline, fulfillmentOrderIds: $ids) {
      success
      userErrors { field message code }
    }
  }
`;

export const HOLD_FULFILLMENT_ORDER = `#graphql
  mutation FulfillmentHoldPlace($id: ID!, $hold: FulfillmentOrderHoldInput!) {
    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
      fulfillmentHold { id handle }
      fulfillmentOrder { id status }
      userErrors { field message code }
    }
  }
`;

export const RELEASE_FULFILLMENT_HOLD = `#graphql
  mutation FulfillmentHoldRelease($id: ID!, $holdIds: [ID!]) {
    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
      fulfillmentOrder { id status }
      userErrors { field message code }
    }
  }
`;

const ordersData = z.object({
  shop: z.object({ ianaTimezone: z.string() }),
  order: z
    .object({
      id: z.string(),
      cancelledAt: z.string().nullable(),
      fulfillmentOrders: z.object({
        nodes: z.array(
          z.object({
            id: z.string(),
            status: z.string(),
            fulfillBy: z.string().nullable(),
            fulfillmentHolds: z.array(z.object({ id: z.string(), handle: z.string().nullable() })),
            supportedActions: z.array(z.object({ action: z.string() })),
          }),
        ),
      }),
    })
    .nullable(),
});
const deadlineData = z.object({
  fulfillmentOrdersSetFulfillmentDeadline: z
    .object({ success: z.boolean().nullable(), userErrors: z.array(userErrorSchema) })
    .nullable(),
});
const holdData = z.object({
  fulfillmentOrderHold: z
    .object({
      fulfillmentHold: z.object({ id: z.string(), handle: z.string().nullable() }).nullable(),
      userErrors: z.array(userErrorSchema),
    })
    .nullable(),
});
const releaseData = z.object({
  fulfillmentOrderReleaseHold: z.object({ userErrors: z.array(userErrorSchema) }).nullable(),
});
const holdIdsSchema = z.array(z.string());

export const FULFILLMENT_KINDS = {
  deadline: "fulfillment_deadline",
  hold: "fulfillment_hold",
  release: "fulfillment_release",
} as const;

const noParams = z.object({}).strict();
const releaseParams = z.object({ why: z.enum(["customer_waits", "merchant_dismissed"]) });
export type ReleaseReason = z.infer<typeof releaseParams>["why"];

async function stateOf(db: PrismaClient, shop: string, orderId: string) {
  return db.orderFulfillmentState.findUnique({ where: { shop_orderId: { shop, orderId } } });
}

function parseHoldIds(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const parsed = holdIdsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function readFulfillmentOrders(ctx: PerformContext, orderId: string) {
  const data = await ctx.admin.request(FULFILLMENT_ORDERS_OF_ORDER, ordersData, { id: orderId });
  const fos: ShopifyFulfillmentOrder[] = data.order?.fulfillmentOrders.nodes ?? [];
  return { order: data.order, timeZone: data.shop.ianaTimezone, fos };
}

async function performDeadline(
  db: PrismaClient,
  ctx: PerformContext,
  orderId: string,
): Promise<ItemOutcome> {
  const { shop } = ctx;
  // The conservative date as of now, not as of queueing: a later reforecast wins.
  const row = await db.trackedOrder.findUnique({
    where: { shop_id: { shop, id: orderId } },
    select: { conservativeShipDate: true, delayClass: true },
  });
  const date = row?.conservativeShipDate ?? null;
  if (!row || !isLate(row.delayClass) || date === null || !isLocalDate(date))
    return { status: "skipped", reason: "The order is no longer late" };
  const state = await stateOf(db, shop, orderId);
  if (!deadlineNeedsMove(date, state?.appFulfillDate ?? null))
    return { status: "skipped", reason: `The deadline in Shopify is already ${date}` };
  const { order, timeZone, fos } = await readFulfillmentOrders(ctx, orderId);
  if (!order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  if (order.cancelledAt) return { status: "skipped", reason: "The order is cancelled" };
  const open = unshipped(fos);
  if (open.length === 0) return { status: "skipped", reason: "Nothing is left to ship" };
  const settings = await loadShopSettings(db, shop, timeZone);
  const deadline = deadlineInstant(date, settings.rules.timeZone);
  if (!deadlineShown(open, deadline)) {
    const result = await ctx.admin.request(SET_FULFILLMENT_DEADLINE, deadlineData, {
      deadline,
      ids: open.map((fo) => fo.id),
    });
    const payload = result.fulfillmentOrdersSetFulfillmentDeadline;
    if (!payload) return { status: "failed", reason: "Shopify returned no answer and no reason" };
    if (payload.userErrors.length > 0 || payload.success !== true)
      return {
        status: "failed",
        reason: describeUserErrors("the new fulfillment deadline", payload.userErrors),
        detail: { userErrors: payload.userErrors },
      };
  }
  // Recorded so the promise is never taken from a fulfillBy Delay Desk wrote (frozen promise).
  const written = {
    appFulfillBy: new Date(deadline),
    appFulfillDate: date,
    deadlineSetAt: new Date(),
  };
  await db.orderFulfillmentState.upsert({
    where: { shop_orderId: { shop, orderId } },
    create: { shop, orderId, ...written },
    update: written,
  });
  return {
    status: "done",
    summary: `Fulfillment deadline in Shopify moved to ${date}`,
    detail: { fulfillBy: deadline, fulfillmentOrderIds: open.map((fo) => fo.id) },
  };
}

async function performHold(
  db: PrismaClient,
  ctx: PerformContext,
  orderId: string,
): Promise<ItemOutcome> {
  const { shop } = ctx;
  const state = await stateOf(db, shop, orderId);
  const cause = state?.pendingCancellation;
  if (cause !== "customer_refund" && cause !== "consent_review")
    return { status: "skipped", reason: "No cancellation is pending any more" };
  const { order, fos } = await readFulfillmentOrders(ctx, orderId);
  if (!order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  if (unshipped(fos).length === 0)
    return { status: "skipped", reason: "Nothing is left to hold (cancelled or shipped)" };
  const held = ownHolds(fos).map((hold) => hold.holdId);
  for (const fo of toHold(fos)) {
    const result = await ctx.admin.request(HOLD_FULFILLMENT_ORDER, holdData, {
      id: fo.id,
      hold: {
        reason: "OTHER",
        reasonNotes: HOLD_NOTES[cause],
        handle: HOLD_HANDLE,
        notifyMerchant: false,
      },
    });
    const payload = result.fulfillmentOrderHold;
    if (!payload) return { status: "failed", reason: "Shopify returned no hold and no reason" };
    if (payload.userErrors.length > 0)
      return {
        status: "failed",
        reason: describeUserErrors("the fulfillment hold", payload.userErrors),
        detail: { userErrors: payload.userErrors, fulfillmentOrderId: fo.id },
      };
    if (payload.fulfillmentHold) held.push(payload.fulfillmentHold.id);
  }
  await db.orderFulfillmentState.update({
    where: { shop_orderId: { shop, orderId } },
    data: { holdIds: JSON.stringify(held), heldAt: new Date() },
  });
  return {
    status: "done",
    summary: "On hold in Shopify while the cancellation is pending",
    detail: { holdIds: held, note: HOLD_NOTES[cause] },
  };
}

async function performRelease(
  db: PrismaClient,
  ctx: PerformContext,
  orderId: string,
  why: ReleaseReason,
): Promise<ItemOutcome> {
  const { shop } = ctx;
  const state = await stateOf(db, shop, orderId);
  if (state?.pendingCancellation)
    return { status: "skipped", reason: "A cancellation is pending again" };
  const { order, fos } = await readFulfillmentOrders(ctx, orderId);
  if (!order) return { status: "skipped", reason: "Order not found in Shopify (deleted?)" };
  const own = ownHolds(fos);
  const released: string[] = [];
  for (const fulfillmentOrderId of new Set(own.map((hold) => hold.fulfillmentOrderId))) {
    // Only Delay Desk's holds: with no holdIds Shopify would release every hold on the FO,
    // "resulting in the fulfillment order being released prematurely" (the argument's description).
    const holdIds = own
      .filter((h) => h.fulfillmentOrderId === fulfillmentOrderId)
      .map((h) => h.holdId);
    const result = await ctx.admin.request(RELEASE_FULFILLMENT_HOLD, releaseData, {
      id: fulfillmentOrderId,
      holdIds,
    });
    const payload = result.fulfillmentOrderReleaseHold;
    if (!payload) return { status: "failed", reason: "Shopify returned no release and no reason" };
    if (payload.userErrors.length > 0)
      return {
        status: "failed",
        reason: describeUserErrors("releasing the hold", payload.userErrors),
        detail: { userErrors: payload.userErrors, fulfillmentOrderId },
      };
    released.push(...holdIds);
  }
  if (state)
    await db.orderFulfillmentState.update({
      where: { shop_orderId: { shop, orderId } },
      data: { holdIds: "[]", releasedAt: new Date() },
    });
  if (released.length === 0)
    return { status: "skipped", reason: "Delay Desk has no hold on this order" };
  return {
    status: "done",
    summary:
      why === "customer_waits"
        ? "Hold released in Shopify: the customer chose to wait"
        : "Hold released in Shopify: the cancellation was dismissed",
    detail: { releasedHoldIds: released },
  };
}

/** Orders of this shop among `orderIds` (every job is scoped by shop). */
async function plannedOrders(db: PrismaClient, shop: string, orderIds: readonly string[]) {
  const rows: { id: string }[] = [];
  for (let start = 0; start < orderIds.length; start += 500)
    rows.push(
      ...(await db.trackedOrder.findMany({
        where: { shop, id: { in: orderIds.slice(start, start + 500) } },
        select: { id: true },
      })),
    );
  return rows.map((row) => ({ orderId: row.id, amount: null }));
}

export function fulfillmentJobKinds(db: PrismaClient): {
  deadline: JobKind<unknown>;
  hold: JobKind<unknown>;
  release: JobKind<unknown>;
} {
  return {
    deadline: defineJobKind({
      kind: FULFILLMENT_KINDS.deadline,
      label: "Fulfillment deadlines in Shopify",
      params: noParams,
      plan: (ctx, _params, orderIds) => plannedOrders(db, ctx.shop, orderIds),
      perform: (ctx, item) => performDeadline(db, ctx, item.orderId),
      timelineKind: "fulfillment",
    }),
    hold: defineJobKind({
      kind: FULFILLMENT_KINDS.hold,
      label: "Fulfillment hold while a cancellation is pending",
      params: noParams,
      plan: (ctx, _params, orderIds) => plannedOrders(db, ctx.shop, orderIds),
      perform: (ctx, item) => performHold(db, ctx, item.orderId),
      timelineKind: "fulfillment",
    }),
    release: defineJobKind({
      kind: FULFILLMENT_KINDS.release,
      label: "Fulfillment hold released",
      params: releaseParams,
      plan: (ctx, _params, orderIds) => plannedOrders(db, ctx.shop, orderIds),
      perform: (ctx, item, params) => performRelease(db, ctx, item.orderId, params.why),
      timelineKind: "fulfillment",
    }),
  };
}

/**
 * A cancellation is pending for this order: hold it in Shopify so nobody ships it. For the
 * customer's refund choice (record-choice.server.ts) and, later, a consent deadline that passed
 * while the order awaits the merchant's review (issue 13 point 6: call with "consent_review").
 */
export async function holdWhileCancellationPending(
  db: PrismaClient,
  shop: string,
  orderId: string,
  cause: PendingCancellation,
  createdBy: string | null,
): Promise<{ jobId: string } | null> {
  const tracked = await db.trackedOrder.findUnique({
    where: { shop_id: { shop, id: orderId } },
    select: { id: true },
  });
  if (!tracked) return null;
  await db.orderFulfillmentState.upsert({
    where: { shop_orderId: { shop, orderId } },
    create: { shop, orderId, pendingCancellation: cause },
    update: { pendingCancellation: cause },
  });
  const job = await createJob(db, {
    shop,
    kind: fulfillmentJobKinds(db).hold,
    params: {},
    orderIds: [orderId],
    createdBy,
  });
  return { jobId: job.id };
}

/**
 * The pending cancellation is dropped (the customer chose to wait after all, or the merchant
 * dismissed it): Delay Desk's hold comes off so the order ships. Null when nothing was pending.
 */
export async function dropPendingCancellation(
  db: PrismaClient,
  shop: string,
  orderId: string,
  why: ReleaseReason,
  createdBy: string | null,
  createdByName: string | null = null,
): Promise<{ jobId: string } | null> {
  const state = await stateOf(db, shop, orderId);
  if (!state || (!state.pendingCancellation && parseHoldIds(state.holdIds).length === 0))
    return null;
  await db.orderFulfillmentState.update({
    where: { shop_orderId: { shop, orderId } },
    data: { pendingCancellation: null },
  });
  const job = await createJob(db, {
    shop,
    kind: fulfillmentJobKinds(db).release,
    params: { why },
    orderIds: [orderId],
    createdBy,
    createdByName,
  });
  return { jobId: job.id };
}

// The runner serves a shop's jobs oldest first, so a customer's hold or refund queued after a
// deadline job waits for it: a pass queues at most this many orders (about 55 cost points each, so
// well under a minute on a Standard shop); the next sync pass takes the rest.
const DEADLINE_BATCH = 50;

/**
 * After a reforecast: queue a deadline move for each late order whose conservative date differs
 * from the one Delay Desk last wrote, leaving out orders already waiting in such a job (it reads
 * the newest date when it runs). Returns the job, or null when no date changed.
 */
export async function moveLateDeadlines(
  db: PrismaClient,
  shop: string,
  options: { maxOrders?: number } = {},
): Promise<{ jobId: string; orders: number } | null> {
  const late = await db.trackedOrder.findMany({
    where: {
      shop,
      cancelledAt: null,
      delayClass: { in: ["at_risk", "overdue"] },
      conservativeShipDate: { not: null },
    },
    select: { id: true, conservativeShipDate: true },
    // Oldest first: they have waited longest for Shopify to show the truth.
    orderBy: { createdAt: "asc" },
  });
  if (late.length === 0) return null;
  const written = new Map(
    (
      await db.orderFulfillmentState.findMany({
        where: { shop, appFulfillDate: { not: null } },
        select: { orderId: true, appFulfillDate: true },
      })
    ).map((row) => [row.orderId, row.appFulfillDate]),
  );
  const openJobs = await db.job.findMany({
    where: {
      shop,
      kind: FULFILLMENT_KINDS.deadline,
      status: { in: ["pending", "running", "paused"] },
    },
    select: { id: true },
  });
  const waiting = new Set(
    (
      await db.jobItem.findMany({
        where: { shop, jobId: { in: openJobs.map((job) => job.id) }, status: "pending" },
        select: { orderId: true },
      })
    ).map((item) => item.orderId),
  );
  const changed = late
    .filter((row) => !waiting.has(row.id))
    .filter((row) => deadlineNeedsMove(row.conservativeShipDate, written.get(row.id) ?? null))
    .slice(0, options.maxOrders ?? DEADLINE_BATCH)
    .map((row) => row.id);
  if (changed.length === 0) return null;
  const job = await createJob(db, {
    shop,
    kind: fulfillmentJobKinds(db).deadline,
    params: {},
    orderIds: changed,
    createdBy: "system",
  });
  return { jobId: job.id, orders: changed.length };
}
