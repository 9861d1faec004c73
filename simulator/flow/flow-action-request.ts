// A Flow action request as Shopify Flow sends it to an action's runtime_url
// (https://shopify.dev/docs/apps/build/flow/actions/endpoints, "Flow action execution" and
// "Verifying requests"): a POST whose JSON body has shop_id, shopify_domain, action_run_id,
// action_definition_id, handle and properties, signed with the app's secret (base64 HMAC-SHA256
// of the raw body in X-Shopify-Hmac-SHA256, as @shopify/shopify-api's flow.validate checks).
// The properties are checked against the action's extension TOML first, so a test cannot send
// a field the extension does not declare.
import { createHmac, randomUUID } from "node:crypto";
import { loadFlowExtensions } from "./flow-extensions";

export interface FlowActionRequestOptions {
  appUrl: string;
  shop: string;
  shopId: number;
  handle: string;
  properties: Record<string, unknown>;
  apiSecret: string;
  /** Kept across Flow's resends of one run. */
  actionRunId?: string;
}

export function signedFlowActionRequest(options: FlowActionRequestOptions): Request {
  const action = loadFlowExtensions().find(
    (extension) => extension.kind === "flow_action" && extension.handle === options.handle,
  );
  if (!action?.runtimeUrl) throw new Error(`No Flow action "${options.handle}" in extensions/.`);
  const names = new Set(action.fields.map((field) => field.name));
  for (const name of Object.keys(options.properties))
    if (!names.has(name)) throw new Error(`"${options.handle}" has no field ${name}.`);
  for (const field of action.fields)
    if (field.required && !(field.name in options.properties))
      throw new Error(`"${options.handle}" needs ${field.name}.`);
  const body = JSON.stringify({
    shop_id: String(options.shopId),
    shopify_domain: options.shop,
    action_run_id: options.actionRunId ?? randomUUID(),
    action_definition_id: action.name,
    handle: action.handle,
    properties: options.properties,
  });
  return new Request(new URL(action.runtimeUrl, options.appUrl), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-SHA256": createHmac("sha256", options.apiSecret)
        .update(body, "utf8")
        .digest("base64"),
    },
  });
}
