// The contract between the app (which writes it on the order when a delay notice goes out,
// app/notices/order-status-metafield.server.ts) and the customer account UI extension (which reads
// it on the order status page, extensions/order-status). It is an app-owned order metafield:
// namespace `$app`, so only this app can write it ("App-owned: … Write by owning app",
// https://shopify.dev/docs/apps/build/custom-data/permissions), declared in shopify.app.toml with
// customer account read access (without a definition that allows it, the Customer Account API
// returns no value: https://shopify.dev/changelog/metafields-now-require-a-definition-to-be-accessed-through-the-customer-account-api).
//
// The extension does no date arithmetic: the app sends the estimate in the words it computed
// (the same words as the email), and the state of the customer's answer. The two links are the
// customer's own signed wait-or-refund links (app/proxy/choice-links.server.ts); the metafield is
// readable only through that customer's order (and by staff in the admin), never logged.
//
// zod/mini, not the classic API: this module is bundled into the extension, which Shopify runs in
// the customer's browser, and the mini build adds a few KB where the classic one adds about 60.
import * as z from "zod/v4/mini";
import { jsonMetafieldInput, parseJsonMetafield } from "./json-metafield";

export const ORDER_STATUS_METAFIELD = {
  // `$app` alone: the toml's `[order.metafields.app.order_status]` declares exactly this one.
  namespace: "$app",
  key: "order_status",
  type: "json",
  ownerType: "ORDER",
} as const;

// Bumped only on a breaking change; the extension renders nothing for a version it does not know.
export const ORDER_STATUS_VERSION = 1;

const calendarDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a real calendar date"),
);

// Only the app's own wait-or-refund page, over https: a value that points anywhere else is not ours.
const choiceLink = z
  .url({ protocol: /^https$/ })
  .check(
    z.refine((s) => new URL(s).pathname === "/apps/delay-desk/choice", "not a wait-or-refund link"),
  );

const estimate = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  // "between Monday 7 December and Friday 18 December", as the notice said it.
  wording: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
});

const links = z.strictObject({ wait: choiceLink, cancel: choiceLink });

const base = {
  version: z.literal(ORDER_STATUS_VERSION),
  updatedAt: z.iso.datetime({ offset: true }),
};

export const orderStatusSchema = z.discriminatedUnion("state", [
  // A delay notice went out and the customer has not answered: the estimate and both choices.
  z.strictObject({ ...base, state: z.literal("estimate"), estimate, links }),
  // The customer chose to wait: the estimate, and the refund link, since they may still change
  // their mind until the order ships (app/proxy/record-choice.server.ts).
  z.strictObject({ ...base, state: z.literal("waiting"), estimate, links }),
  // The customer asked for a refund: no more choices, a refund is final.
  z.strictObject({ ...base, state: z.literal("cancel_requested") }),
  z.strictObject({ ...base, state: z.literal("shipped") }),
]);

export type OrderStatus = z.infer<typeof orderStatusSchema>;
export type OrderStatusState = OrderStatus["state"];

/**
 * Reads a stored value (the metafield's JSON string, or an already parsed object). Anything that
 * does not match the contract is "no status", so a bad write never shows a customer half a block.
 */
export function parseOrderStatus(value: unknown): OrderStatus | null {
  return parseJsonMetafield(orderStatusSchema, value);
}

/** The `MetafieldsSetInput` for `metafieldsSet` on the order. */
export function orderStatusMetafieldInput(orderId: string, status: OrderStatus) {
  return jsonMetafieldInput(ORDER_STATUS_METAFIELD, orderStatusSchema, orderId, status);
}
