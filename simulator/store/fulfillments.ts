// fulfillmentCreate as the 2026-10 schema and shopify.dev describe it, for merchant-managed
// locations (the only kind the simulator has):
// - "Creates a fulfillment for one or more FulfillmentOrder objects. The fulfillment orders are
//   associated with the same Order and are assigned to the same Location." (Mutation.fulfillmentCreate)
// - Per fulfillment order, "if the fulfillment order line items are left blank then all the
//   fulfillment order line items of the associated fulfillment order ID will be fulfilled"
//   (FulfillmentInput.lineItemsByFulfillmentOrder); at most 512 line items per fulfillment order
//   (FulfillmentOrderLineItemsInput.fulfillmentOrderLineItems).
// - ON_HOLD: "The fulfillment process can't be initiated until the hold … is released"
//   (FulfillmentOrderStatus); CLOSED, CANCELLED and INCOMPLETE have nothing left to fulfil; only
//   OPEN and IN_PROGRESS offer CREATE_FULFILLMENT among their supportedActions.
// - A fulfillment order "taken into work" is IN_PROGRESS (FulfillmentOrderAssignedLocation), and
//   one "partially fulfilled" keeps its remaining quantities in place (Mutation.fulfillmentCancel);
//   with nothing remaining it is CLOSED ("completed and closed").
// - The order reads PARTIALLY_FULFILLED, "Some of the items in the order have been fulfilled", or
//   FULFILLED, "All the items in the order have been fulfilled" (OrderDisplayFulfillmentStatus).
// - Webhooks: orders/partially_fulfilled or orders/fulfilled, and orders/updated
//   (WebhookSubscriptionTopic).
// The payload's userErrors are plain UserError (field, message; no code). Their messages are our
// wording where Shopify's is not published (simulator/README.md lists them).
import type {
  FulfillmentOrderRecord,
  FulfillmentRecord,
  FulfillmentTrackingRecord,
  OrderRecord,
} from "./records";
import type { ShopStore } from "./shop-store";

export interface PlainUserError {
  field: string[] | null;
  message: string;
}

export interface FulfillmentRequest {
  lineItemsByFulfillmentOrder: {
    fulfillmentOrderId: number | null;
    /** null: every remaining line of that fulfillment order. */
    fulfillmentOrderLineItems: { id: number | null; quantity: number }[] | null;
  }[];
  tracking: { company: string | null; number: string | null; url: string | null } | null;
  notifyCustomer: boolean;
  at?: number;
}

const FULFILLABLE = new Set(["OPEN", "IN_PROGRESS"]);
const MAX_LINES_PER_FO = 512;

function nextFulfillmentId(store: ShopStore): number {
  let max = 8_800_000_000;
  for (const order of store.orders)
    for (const fulfillment of order.fulfillments ?? [])
      if (fulfillment.id > max) max = fulfillment.id;
  return max + 1;
}

const error = (field: string[], message: string): { userErrors: PlainUserError[] } => ({
  userErrors: [{ field, message }],
});

export function createFulfillment(
  store: ShopStore,
  request: FulfillmentRequest,
): { fulfillment: FulfillmentRecord; order: OrderRecord } | { userErrors: PlainUserError[] } {
  const groups = request.lineItemsByFulfillmentOrder;
  const base = ["fulfillment", "lineItemsByFulfillmentOrder"];
  if (groups.length === 0)
    return error(base, "At least one fulfillment order must be given to fulfil.");
  const planned: { fo: FulfillmentOrderRecord; lineId: number; quantity: number }[] = [];
  let orderId: number | null = null;
  let locationId: number | null = null;
  for (const [g, group] of groups.entries()) {
    const fo =
      group.fulfillmentOrderId === null
        ? undefined
        : store.fulfillmentOrder(group.fulfillmentOrderId);
    if (!fo)
      return error([...base, String(g), "fulfillmentOrderId"], "Fulfillment order does not exist.");
    if (orderId !== null && fo.orderId !== orderId)
      return error(
        [...base, String(g), "fulfillmentOrderId"],
        "All fulfillment orders must belong to the same order.",
      );
    if (locationId !== null && fo.assignedLocationId !== locationId)
      return error(
        [...base, String(g), "fulfillmentOrderId"],
        "All fulfillment orders must be assigned to the same location.",
      );
    orderId = fo.orderId;
    locationId = fo.assignedLocationId;
    if (!FULFILLABLE.has(fo.status))
      // Field and message as live answers captured in public code show them.
      return error(
        ["fulfillment"],
        `Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`,
      );
    const lines = group.fulfillmentOrderLineItems;
    if (lines === null || lines.length === 0) {
      for (const line of fo.lineItems)
        if (line.remainingQuantity > 0)
          planned.push({ fo, lineId: line.id, quantity: line.remainingQuantity });
      continue;
    }
    if (lines.length > MAX_LINES_PER_FO)
      return error(
        [...base, String(g), "fulfillmentOrderLineItems"],
        `At most ${MAX_LINES_PER_FO} line items can be fulfilled per fulfillment order.`,
      );
    const seen = new Set<number>();
    for (const [l, input] of lines.entries()) {
      const field = [...base, String(g), "fulfillmentOrderLineItems", String(l)];
      const line = fo.lineItems.find((candidate) => candidate.id === input.id);
      if (!line || input.id === null || seen.has(input.id))
        return error(
          [...field, "id"],
          "The fulfillment order line item does not belong to this fulfillment order.",
        );
      seen.add(input.id);
      if (!Number.isInteger(input.quantity) || input.quantity <= 0)
        return error([...field, "quantity"], "Quantity must be greater than 0.");
      if (input.quantity > line.remainingQuantity)
        return error(["fulfillment"], "Invalid fulfillment order line item quantity requested.");
      planned.push({ fo, lineId: line.id, quantity: input.quantity });
    }
  }
  const order = orderId === null ? undefined : store.order(orderId);
  if (!order) return error(base, "Fulfillment order does not exist.");
  if (planned.length === 0)
    return error(base, "The fulfillment orders have no line items left to fulfil.");
  const tracking = request.tracking;
  if (tracking?.url && !tracking.number)
    // FulfillmentTrackingInput: "If you provide the `url` field, you should provide the `number` field."
    return error(
      ["fulfillment", "trackingInfo", "number"],
      "A tracking URL needs a tracking number.",
    );

  const at = request.at ?? Date.now();
  const lineQuantities = new Map<number, number>();
  const touched = new Set<FulfillmentOrderRecord>();
  for (const step of planned) {
    const line = step.fo.lineItems.find((candidate) => candidate.id === step.lineId);
    if (!line) continue;
    line.remainingQuantity -= step.quantity;
    touched.add(step.fo);
    lineQuantities.set(line.lineItemId, (lineQuantities.get(line.lineItemId) ?? 0) + step.quantity);
  }
  for (const fo of touched) {
    fo.status = fo.lineItems.some((line) => line.remainingQuantity > 0) ? "IN_PROGRESS" : "CLOSED";
    fo.updatedAt = at;
  }
  for (const item of order.lineItems) {
    const shipped = lineQuantities.get(item.id);
    if (shipped) item.fulfilledQuantity = Math.min(item.quantity, item.fulfilledQuantity + shipped);
  }
  const everything = order.lineItems.every((item) => item.fulfilledQuantity >= item.quantity);
  order.fulfillmentStatus = everything ? "FULFILLED" : "PARTIALLY_FULFILLED";
  order.updatedAt = Math.max(at, Math.floor(order.updatedAt / 1000) * 1000 + 1000);
  const trackingInfo: FulfillmentTrackingRecord[] =
    tracking && (tracking.number || tracking.company)
      ? [
          {
            __typename: "FulfillmentTrackingInfo",
            company: tracking.company,
            number: tracking.number,
            url: tracking.url,
          },
        ]
      : [];
  const fulfillments = order.fulfillments ?? [];
  const fulfillment: FulfillmentRecord = {
    __typename: "Fulfillment",
    id: nextFulfillmentId(store),
    orderId: order.id,
    name: `${order.name}-F${fulfillments.length + 1}`,
    status: "SUCCESS",
    createdAt: at,
    locationId: locationId ?? 0,
    fulfillmentOrderIds: [...touched].map((fo) => fo.id),
    lineItems: [...lineQuantities].map(([lineItemId, quantity]) => ({ lineItemId, quantity })),
    trackingInfo,
    notifyCustomer: request.notifyCustomer,
  };
  order.fulfillments = [...fulfillments, fulfillment];
  store.emit(
    { topic: everything ? "orders/fulfilled" : "orders/partially_fulfilled", record: order },
    { topic: "orders/updated", record: order },
  );
  return { fulfillment, order };
}

/** FulfillmentOrder.supportedActions for a merchant-managed location, by status. */
export function supportedActions(fo: FulfillmentOrderRecord): string[] {
  switch (fo.status) {
    case "OPEN":
      return ["CREATE_FULFILLMENT", "SPLIT", "HOLD", "MOVE"];
    case "IN_PROGRESS":
      return ["CREATE_FULFILLMENT", "SPLIT", "HOLD"];
    case "SCHEDULED":
      return ["MARK_AS_OPEN", "HOLD"];
    case "ON_HOLD":
      return ["RELEASE_HOLD", "HOLD"];
    default:
      return [];
  }
}
