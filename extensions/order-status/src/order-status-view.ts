// What the order status block shows, decided from two things: the app's metafield on the order
// (contracts/order-status-metafield.ts) and what Shopify itself says about the order now
// (Customer Account API: cancelledAt, fulfillmentStatus). Pure, so every state is tested in Node
// (tests/order-status/order-status-view.test.ts); the Preact component only maps it to elements.
import { parseOrderStatus } from "../../../contracts/order-status-metafield";

/** A sentence of the block: a key in locales/*.json and its interpolations. */
export interface ViewLine {
  key: "estimate" | "askWaitOrCancel" | "waiting" | "cancelRequested" | "shipped";
  vars?: Record<string, string>;
}

/** A choice: a button to the customer's own signed wait-or-refund link. */
export interface ViewAction {
  key: "wait" | "cancel";
  href: string;
  primary: boolean;
}

export type OrderStatusView =
  | { kind: "none" }
  | {
      kind: "estimate" | "waiting" | "cancel_requested" | "shipped";
      lines: ViewLine[];
      actions: ViewAction[];
    };

/** The order as the Customer Account API answers it (null: not found or not readable). */
export interface OrderFacts {
  cancelledAt: string | null;
  fulfillmentStatus: string;
  /** The metafield's `value`, null when the app never wrote one. */
  statusValue: string | null;
}

export const NO_VIEW: OrderStatusView = { kind: "none" };

export function orderStatusView(order: OrderFacts | null): OrderStatusView {
  if (!order) return NO_VIEW;
  const status = parseOrderStatus(order.statusValue);
  if (!status) return NO_VIEW;
  // Shopify's own page already says an order is cancelled, and how much was refunded; saying
  // anything more could contradict it (a merchant may have cancelled for another reason).
  if (order.cancelledAt) return NO_VIEW;
  // What Shopify says wins over a metafield written before the parcel left: a shipped order is
  // never offered a refund for a delay that is over.
  if (order.fulfillmentStatus === "FULFILLED" || status.state === "shipped")
    return { kind: "shipped", lines: [{ key: "shipped" }], actions: [] };
  switch (status.state) {
    case "cancel_requested":
      return { kind: "cancel_requested", lines: [{ key: "cancelRequested" }], actions: [] };
    case "waiting":
      return {
        kind: "waiting",
        lines: [
          { key: "estimate", vars: { estimate: status.estimate.wording } },
          { key: "waiting" },
        ],
        actions: [{ key: "cancel", href: status.links.cancel, primary: false }],
      };
    case "estimate":
      return {
        kind: "estimate",
        lines: [
          { key: "estimate", vars: { estimate: status.estimate.wording } },
          { key: "askWaitOrCancel" },
        ],
        actions: [
          { key: "wait", href: status.links.wait, primary: true },
          { key: "cancel", href: status.links.cancel, primary: false },
        ],
      };
  }
}
