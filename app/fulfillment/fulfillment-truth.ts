// Pure rules for what Delay Desk writes to Shopify's fulfillment orders (issue 13 point 7):
// which orders get their deadline moved, to which instant, and which fulfillment orders a hold
// can go on or come off. The I/O is in fulfillment-jobs.server.ts.
import { DateTime } from "luxon";
import type { LocalDate } from "../promise/local-date";

/** The handle Delay Desk's hold carries, so retries and releases touch only its own hold. */
export const HOLD_HANDLE = "delay-desk-cancellation";

export type PendingCancellation = "customer_refund" | "consent_review";

/** What the hold's note says, per cause: staff read it on the order in Shopify admin. */
export const HOLD_NOTES: Readonly<Record<PendingCancellation, string>> = {
  customer_refund:
    "Delay Desk: the customer chose a full refund instead of waiting. Do not ship; the order is being cancelled.",
  consent_review:
    "Delay Desk: the customer did not agree to the new date by the deadline. Do not ship until the cancellation is reviewed.",
};

/** Late orders: the conservative date is after the promise, or the promise is already past. */
export function isLate(delayClass: string | null): boolean {
  return delayClass === "at_risk" || delayClass === "overdue";
}

/**
 * FulfillmentOrder.fulfillBy is "the latest date and time by which all items … need to be
 * fulfilled": the end of the conservative day on the shop's clock, to the second (Shopify's
 * DateTime precision), so that reading it back in the shop's zone gives the same date.
 */
export function deadlineInstant(date: LocalDate, timeZone: string): string {
  const end = DateTime.fromISO(date, { zone: timeZone }).endOf("day").startOf("second");
  if (!end.isValid) throw new RangeError(`No end of day for ${date} in ${timeZone}`);
  const iso = end.toUTC().toISO({ suppressMilliseconds: true });
  if (!iso) throw new RangeError(`No ISO instant for ${date} in ${timeZone}`);
  return iso;
}

/** The deadline is rewritten only when the conservative date itself changed. */
export function deadlineNeedsMove(
  conservativeShipDate: string | null,
  appFulfillDate: string | null,
): boolean {
  return conservativeShipDate !== null && conservativeShipDate !== appFulfillDate;
}

export interface ShopifyFulfillmentOrder {
  id: string;
  status: string;
  fulfillBy: string | null;
  fulfillmentHolds: { id: string; handle: string | null }[];
  supportedActions: { action: string }[];
}

// Statuses with work left, whose deadline means something. CLOSED, CANCELLED and INCOMPLETE have
// nothing left to ship. IN_PROGRESS does: a split shipment (fulfillmentCreate for some lines)
// leaves the rest on the same fulfillment order, IN_PROGRESS, still to ship by the deadline.
const UNSHIPPED = new Set(["OPEN", "IN_PROGRESS", "SCHEDULED", "ON_HOLD"]);

export function unshipped(fos: readonly ShopifyFulfillmentOrder[]): ShopifyFulfillmentOrder[] {
  return fos.filter((fo) => UNSHIPPED.has(fo.status));
}

/**
 * Fulfillment orders still to hold: unshipped, offering HOLD, without Delay Desk's hold. Whether a
 * hold is allowed is Shopify's to say per fulfillment order ("The actions that can be performed on
 * this fulfillment order", FulfillmentOrder.supportedActions), not ours to guess from the status.
 */
export function toHold(fos: readonly ShopifyFulfillmentOrder[]): ShopifyFulfillmentOrder[] {
  return unshipped(fos).filter(
    (fo) =>
      fo.supportedActions.some((a) => a.action === "HOLD") &&
      !fo.fulfillmentHolds.some((h) => h.handle === HOLD_HANDLE),
  );
}

/** Delay Desk's own holds, per fulfillment order: never another app's or the merchant's. */
export function ownHolds(
  fos: readonly ShopifyFulfillmentOrder[],
): { fulfillmentOrderId: string; holdId: string }[] {
  return fos.flatMap((fo) =>
    fo.fulfillmentHolds
      .filter((hold) => hold.handle === HOLD_HANDLE)
      .map((hold) => ({ fulfillmentOrderId: fo.id, holdId: hold.id })),
  );
}

/** Whether Shopify already shows this deadline on every unshipped fulfillment order. */
export function deadlineShown(fos: readonly ShopifyFulfillmentOrder[], deadline: string): boolean {
  const at = Date.parse(deadline);
  return unshipped(fos).every((fo) => fo.fulfillBy !== null && Date.parse(fo.fulfillBy) === at);
}
