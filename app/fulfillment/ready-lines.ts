// Split shipments (issue 14 point 2; docs/decisions/015-split-shipments.md): which lines of an order can ship now, and the
// fulfillmentCreate input that ships the ones staff marked ready while the rest waits. "Ready" is
// what the merchant ticks: Delay Desk cannot see a shelf, and a line's lead time says when it is
// due, not whether it has been made. Pure: the I/O is in ship-ready.server.ts.
import { z } from "zod";

/** The fulfillment orders of one order, as READY_LINES_OF_ORDER reads them. */
export interface ShippableFulfillmentOrder {
  id: string;
  status: string;
  /** FulfillmentOrder.supportedActions: CREATE_FULFILLMENT says Shopify lets it be fulfilled now. */
  supportedActions: readonly string[];
  locationId: string | null;
  lineItems: readonly {
    id: string;
    remainingQuantity: number;
    totalQuantity: number;
    lineItem: { id: string; name: string; sku: string | null };
  }[];
}

/** One order line as the "Ready to ship" section shows it. */
export interface OrderLineToShip {
  lineItemId: string;
  name: string;
  sku: string | null;
  ordered: number;
  /** Units still to ship (remainingQuantity summed over the order's fulfillment orders). */
  remaining: number;
  /** Units Shopify lets ship now (on a fulfillment order offering CREATE_FULFILLMENT). */
  shippableNow: number;
  /** Why a remaining unit cannot ship now (on hold, scheduled), or null. */
  blocked: string | null;
}

const BLOCKED: Record<string, string> = {
  ON_HOLD: "on hold in Shopify",
  SCHEDULED: "scheduled for later in Shopify",
};

export function linesToShip(fos: readonly ShippableFulfillmentOrder[]): OrderLineToShip[] {
  const byLine = new Map<string, OrderLineToShip>();
  for (const fo of fos) {
    const canShip = fo.supportedActions.includes("CREATE_FULFILLMENT");
    for (const line of fo.lineItems) {
      const current = byLine.get(line.lineItem.id) ?? {
        lineItemId: line.lineItem.id,
        name: line.lineItem.name,
        sku: line.lineItem.sku,
        ordered: 0,
        remaining: 0,
        shippableNow: 0,
        blocked: null,
      };
      current.ordered += line.totalQuantity;
      current.remaining += line.remainingQuantity;
      if (canShip) current.shippableNow += line.remainingQuantity;
      else if (line.remainingQuantity > 0) current.blocked = BLOCKED[fo.status] ?? current.blocked;
      byLine.set(line.lineItem.id, current);
    }
  }
  return [...byLine.values()];
}

/** What staff asked to ship: units per order line item, and what they saw remaining. */
export interface ShipRequest {
  lines: readonly { lineItemId: string; quantity: number; seenRemaining: number }[];
  tracking: { number: string | null; company: string | null };
  notifyCustomer: boolean;
}

export interface ShippedLine {
  name: string;
  quantity: number;
}

export type ShipPlan =
  | {
      ok: true;
      input: {
        lineItemsByFulfillmentOrder: {
          fulfillmentOrderId: string;
          fulfillmentOrderLineItems: { id: string; quantity: number }[];
        }[];
        notifyCustomer: boolean;
        trackingInfo?: { number?: string; company?: string };
      };
      shipped: ShippedLine[];
      stillComing: ShippedLine[];
    }
  | { ok: false; status: 400 | 409; message: string };

export function planShipment(
  fos: readonly ShippableFulfillmentOrder[],
  request: ShipRequest,
): ShipPlan {
  const wanted = request.lines.filter((line) => line.quantity > 0);
  if (wanted.length === 0)
    return { ok: false, status: 400, message: "Tick at least one line as ready to ship." };
  const lines = new Map(linesToShip(fos).map((line) => [line.lineItemId, line]));
  const groups = new Map<string, { id: string; quantity: number }[]>();
  const locations = new Set<string | null>();
  const shipped: ShippedLine[] = [];
  for (const want of wanted) {
    const line = lines.get(want.lineItemId);
    if (!line) return { ok: false, status: 400, message: "That line is not on this order." };
    // What staff reviewed must still be true: a second click, or a shipment made in Shopify
    // meanwhile, must not ship the same units twice.
    if (line.remaining !== want.seenRemaining)
      return {
        ok: false,
        status: 409,
        message: `${line.name} changed since you reviewed it (${line.remaining} left to ship, not ${want.seenRemaining}). Review the shipment again.`,
      };
    if (want.quantity > line.shippableNow)
      return {
        ok: false,
        status: 400,
        message:
          line.shippableNow === 0
            ? `${line.name} cannot ship now${line.blocked ? ` (${line.blocked})` : ""}.`
            : `Only ${line.shippableNow} of ${line.name} can ship now.`,
      };
    // Take the units from the fulfillment orders that hold them, in Shopify's order.
    let left = want.quantity;
    for (const fo of fos) {
      if (left === 0) break;
      if (!fo.supportedActions.includes("CREATE_FULFILLMENT")) continue;
      for (const foLine of fo.lineItems) {
        if (left === 0) break;
        if (foLine.lineItem.id !== want.lineItemId || foLine.remainingQuantity === 0) continue;
        const quantity = Math.min(left, foLine.remainingQuantity);
        left -= quantity;
        locations.add(fo.locationId);
        const group = groups.get(fo.id) ?? [];
        group.push({ id: foLine.id, quantity });
        groups.set(fo.id, group);
      }
    }
    shipped.push({ name: line.name, quantity: want.quantity });
  }
  // fulfillmentCreate: "The fulfillment orders are … assigned to the same Location."
  if (locations.size > 1)
    return {
      ok: false,
      status: 400,
      message: "These lines ship from different locations: ship each location's lines on its own.",
    };
  const shippedUnits = new Map(wanted.map((want) => [want.lineItemId, want.quantity]));
  const stillComing = [...lines.values()]
    .map((line) => ({
      name: line.name,
      quantity: line.remaining - (shippedUnits.get(line.lineItemId) ?? 0),
    }))
    .filter((line) => line.quantity > 0);
  const tracking = {
    ...(request.tracking.number ? { number: request.tracking.number } : {}),
    ...(request.tracking.company ? { company: request.tracking.company } : {}),
  };
  return {
    ok: true,
    input: {
      lineItemsByFulfillmentOrder: [...groups].map(([fulfillmentOrderId, items]) => ({
        fulfillmentOrderId,
        fulfillmentOrderLineItems: items,
      })),
      notifyCustomer: request.notifyCustomer,
      ...(Object.keys(tracking).length > 0 ? { trackingInfo: tracking } : {}),
    },
    shipped,
    stillComing,
  };
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((text) => (text === "" ? null : text));

/**
 * The "Ready to ship" form: per line `lines.<i>.lineItemId` (the LineItem GID),
 * `lines.<i>.ready` ("on" when ticked), `lines.<i>.quantity` and `lines.<i>.seen` (the remaining
 * units staff saw); optional tracking.
 */
export const shipFormSchema = z.object({
  intent: z.enum(["review", "ship"]),
  trackingNumber: optionalText(100),
  trackingCompany: optionalText(100),
  notifyCustomer: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

const lineSchema = z.object({
  lineItemId: z.string().regex(/^gid:\/\/shopify\/LineItem\/\d+$/, "Not an order line"),
  quantity: z.coerce
    .number({ invalid_type_error: "Enter a whole number" })
    .int("Enter a whole number")
    .min(1, "Ship at least 1, or untick the line"),
  seenRemaining: z.coerce.number().int().min(0),
});

export type ShipForm = z.infer<typeof shipFormSchema> & { lines: ShipRequest["lines"] };

export function parseShipForm(
  form: Record<string, string>,
): { ok: true; data: ShipForm } | { ok: false; errors: Record<string, string> } {
  const head = shipFormSchema.safeParse(form);
  const errors: Record<string, string> = {};
  if (!head.success)
    for (const issue of head.error.issues)
      errors[String(issue.path[0] ?? "form")] ??= issue.message;
  const lines: { lineItemId: string; quantity: number; seenRemaining: number }[] = [];
  for (const [key, value] of Object.entries(form)) {
    const match = /^lines\.(\d{1,3})\.lineItemId$/.exec(key);
    if (!match) continue;
    const row = `lines.${match[1]}`;
    if (form[`${row}.ready`] !== "on") continue;
    const parsed = lineSchema.safeParse({
      lineItemId: value,
      quantity: form[`${row}.quantity`],
      seenRemaining: form[`${row}.seen`],
    });
    if (!parsed.success) {
      errors[`${row}.quantity`] = parsed.error.issues[0]?.message ?? "Check this line";
      continue;
    }
    if (parsed.data.quantity > parsed.data.seenRemaining)
      errors[`${row}.quantity`] = `At most ${parsed.data.seenRemaining}`;
    else lines.push(parsed.data);
  }
  if (!head.success || Object.keys(errors).length > 0) return { ok: false, errors };
  if (lines.length === 0)
    return { ok: false, errors: { form: "Tick at least one line as ready." } };
  return { ok: true, data: { ...head.data, lines } };
}

/** Staff ship through Shopify on the member's own permission (fulfill_and_ship_orders). */
export const SHIP_SCOPE = "write_merchant_managed_fulfillment_orders";

export function mayShip(
  staff: { name: string; scopes: readonly string[] } | null,
): { ok: true } | { ok: false; message: string } {
  if (!staff)
    return {
      ok: false,
      message:
        "Shopify could not confirm your staff permissions just now, so nothing was shipped. Reload the page and try again.",
    };
  if (staff.scopes.includes(SHIP_SCOPE)) return { ok: true };
  return {
    ok: false,
    message: `${staff.name}, your Shopify staff permissions do not include fulfilling orders, so you cannot ship these items. Ask someone who can fulfil orders, or the account owner.`,
  };
}

export function describeLines(lines: readonly ShippedLine[]): string {
  return lines
    .map((line) => (line.quantity === 1 ? line.name : `${line.quantity} × ${line.name}`))
    .join(", ");
}
