// The Shopify Flow triggers Delay Desk sends (one extension each under extensions/flow-*/) and
// the payloads it sends them with. Pure: which change of an order fires which trigger, and the
// payload, which holds the order_reference field as `order_id` (the numeric id, "such as
// legacyResourceId", https://shopify.dev/docs/apps/flow/triggers) and the custom fields by their
// TOML `key`.
import { gidId } from "../admin-api/gid";

export const FLOW_TRIGGERS = {
  atRisk: "order-became-at-risk",
  overdue: "order-became-overdue",
  customerWaits: "customer-chose-to-wait",
  customerRefund: "customer-chose-a-refund",
} as const;

export type FlowTriggerHandle = (typeof FLOW_TRIGGERS)[keyof typeof FLOW_TRIGGERS];

/**
 * "the payload that you send to Shopify Flow needs to be less than 1 MB"
 * (https://shopify.dev/docs/apps/flow/triggers, Considerations; also the Flow guidelines,
 * https://help.shopify.com/en/api/embedded-apps/app-extensions/flow/flow-guidelines).
 */
export const FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES = 1_000_000;

export type FlowPayload = Record<string, string | number | boolean>;

export function payloadBytes(payload: FlowPayload): number {
  return Buffer.byteLength(JSON.stringify(payload), "utf8");
}

export interface FlowTriggerEvent {
  handle: FlowTriggerHandle;
  /** Names this one event; writing it twice is refused. */
  dedupeKey: string;
  orderId: string;
  payload: FlowPayload;
}

function orderIdOf(gid: string): number {
  return Number(gidId(gid));
}

export interface ForecastChange {
  id: string;
  /** The class stored before this forecast; null for an order never forecast. */
  before: string | null;
  after: string;
  promisedShipDate: string;
  conservativeShipDate: string | null;
}

/**
 * The trigger an order's new class fires, if any: entering "at risk" (from on track, or first
 * seen at risk) and entering "overdue" (from anything else). Leaving a class fires nothing, and
 * overdue → at risk (a later promise) is not news a workflow waits for.
 */
export function delayTriggerOf(change: ForecastChange, at: Date): FlowTriggerEvent | null {
  const handle =
    change.after === "overdue" && change.before !== "overdue"
      ? FLOW_TRIGGERS.overdue
      : change.after === "at_risk" && change.before !== "at_risk" && change.before !== "overdue"
        ? FLOW_TRIGGERS.atRisk
        : null;
  if (!handle) return null;
  return {
    handle,
    // One per transition: the same order may become at risk again after a spell on track.
    dedupeKey: `${handle}:${change.id}:${at.toISOString()}`,
    orderId: change.id,
    payload: {
      order_id: orderIdOf(change.id),
      "promised ship date": change.promisedShipDate,
      "expected ship date": change.conservativeShipDate ?? "",
    },
  };
}

/** A customer's answer fires once per order and answer (a wait may later become a cancel). */
export function choiceTriggerOf(input: {
  orderId: string;
  choice: "wait" | "cancel";
  expectedShipDate: string | null;
}): FlowTriggerEvent {
  if (input.choice === "cancel")
    return {
      handle: FLOW_TRIGGERS.customerRefund,
      dedupeKey: `${FLOW_TRIGGERS.customerRefund}:${input.orderId}`,
      orderId: input.orderId,
      payload: { order_id: orderIdOf(input.orderId) },
    };
  return {
    handle: FLOW_TRIGGERS.customerWaits,
    dedupeKey: `${FLOW_TRIGGERS.customerWaits}:${input.orderId}`,
    orderId: input.orderId,
    payload: {
      order_id: orderIdOf(input.orderId),
      "expected ship date": input.expectedShipDate ?? "",
    },
  };
}
