// Which tracked orders are still waiting to ship — the backlog the forecast works through. One
// definition, shared by the reforecast (which writes the forecast) and the pages (which count it),
// so the dashboard can never count a set of orders the forecast did not look at.
import type { Prisma } from "@prisma/client";

export const DELAY_CLASSES = ["overdue", "at_risk", "on_track"] as const;
export type DelayClass = (typeof DELAY_CLASSES)[number];
/** What the forecast and the promise freezer read of a backlog order, the same for both. */
export const BACKLOG_ORDER_SELECT = {
  id: true,
  createdAt: true,
  fulfillBy: true,
  appFulfillBy: true,
  frozenPromiseDate: true,
  frozenPromiseSource: true,
  lineItems: true,
  unitsRemaining: true,
} as const satisfies Prisma.TrackedOrderSelect;

/** Fulfilled, cancelled or archived: nothing left to forecast. */
export const DONE_CLASS = "done";

// Shopify's display statuses that mean nothing is left to ship (RESTOCKED: every item returned).
const FINISHED_FULFILLMENT_STATUSES = ["FULFILLED", "RESTOCKED"];

export function backlogWhere(shop: string): Prisma.TrackedOrderWhereInput {
  return {
    shop,
    cancelledAt: null,
    // An archived (closed) order with items left is one the merchant chose to stop tracking.
    closedAt: null,
    unitsRemaining: { gt: 0 },
    displayFulfillmentStatus: { notIn: FINISHED_FULFILLMENT_STATUSES },
  };
}

/**
 * backlogWhere as SQL over a "TrackedOrder" row (the same text on SQLite and PostgreSQL), for the
 * reforecast's raw reads and writes; also the summary triggers' definition (migration
 * *_shop_order_summary). reforecast-equivalence.test.ts checks it selects what backlogWhere does.
 */
export const BACKLOG_SQL = `("cancelledAt" IS NULL AND "closedAt" IS NULL AND "unitsRemaining" > 0 AND "displayFulfillmentStatus" NOT IN (${FINISHED_FULFILLMENT_STATUSES.map((s) => `'${s}'`).join(", ")}))`;

export function notBacklogWhere(shop: string): Prisma.TrackedOrderWhereInput {
  return { shop, NOT: backlogWhere(shop) };
}

export function isDelayClass(value: string | null | undefined): value is DelayClass {
  return DELAY_CLASSES.some((known) => known === value);
}
