// A Flow action request's body, as Shopify documents it
// (https://shopify.dev/docs/apps/build/flow/actions/endpoints, "Flow action execution"):
// shop_id, shopify_domain, action_run_id, action_definition_id, handle and the action's
// `properties` (an order_reference field arrives as `order_id`, a numeric id, sometimes as a string).
import { z } from "zod";

export const flowActionRequestSchema = z.object({
  shop_id: z.union([z.string(), z.number()]),
  shopify_domain: z.string().min(1),
  action_run_id: z.string().min(1).max(200),
  action_definition_id: z.string(),
  handle: z.string().min(1),
  properties: z.record(z.string(), z.unknown()).default({}),
});

export type FlowActionRequest = z.infer<typeof flowActionRequestSchema>;

export const FLOW_ACTIONS = {
  sendDelayNotice: "send-delay-notice",
  pauseSales: "pause-sales",
  resumeSales: "resume-sales",
} as const;

export type FlowActionHandle = (typeof FLOW_ACTIONS)[keyof typeof FLOW_ACTIONS];

export const orderReferenceSchema = z.object({
  order_id: z.union([
    z.number().int().positive(),
    z.string().regex(/^\d{1,20}$/, "order_id must be a numeric order id"),
  ]),
});

export const pauseSalesPropertiesSchema = z.object({
  message: z
    .string()
    .trim()
    .max(280, "Keep the message under 280 characters.")
    .nullish()
    .transform((value) => (value ? value : null)),
});

/** What an action did, kept per action_run_id and answered again to a resend. */
export type FlowActionOutcome =
  | { status: "done"; summary: string; detail?: Record<string, unknown> }
  | { status: "refused"; reason: string };
