// What a webhook's unsigned parts must agree with. Shopify signs only the raw body: the
// X-Shopify-Hmac-Sha256 header is "a base64-encoded HMAC-SHA256 of the request body" (shopify.dev
// "Deliver webhooks through HTTPS", https://shopify.dev/docs/apps/build/webhooks/subscribe/https),
// so X-Shopify-Topic and X-Shopify-Shop-Domain (shopify.dev "Webhooks delivery structure",
// https://shopify.dev/docs/apps/build/webhooks/delivery-structure) can be rewritten by whoever
// captured a signed body. These checks bind them to the route and to what the body says.

export const COMPLIANCE_TOPICS = [
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export const WEBHOOK_TOPICS = [
  "app/uninstalled",
  "app/scopes_update",
  "orders/create",
  "orders/updated",
  "orders/fulfilled",
  "orders/cancelled",
  "orders/edited",
  "refunds/create",
  "bulk_operations/finish",
  ...COMPLIANCE_TOPICS,
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

export interface WebhookRefusal {
  status: 400 | 401 | 403 | 404 | 405;
  message: string;
}

// The library's own shop check (@shopify/shopify-api lib/utils/shop-validator: sanitizeShop), which
// authenticate.webhook runs by throwing InvalidShopError (a 500) when it builds the session id.
const SHOP_DOMAIN =
  /^[a-zA-Z0-9][a-zA-Z0-9-_]*\.(myshopify\.com|shopify\.com|myshopify\.io|shop\.dev)$/;

export function isShopDomain(value: string): boolean {
  return value.length <= 255 && SHOP_DOMAIN.test(value);
}

/** The REST payload's admin_graphql_api_id names a resource of this type, for topics that carry one. */
const RESOURCE_OF_TOPIC: Partial<Record<WebhookTopic, string>> = {
  "app/uninstalled": "Shop",
  "orders/create": "Order",
  "orders/updated": "Order",
  "orders/fulfilled": "Order",
  "orders/cancelled": "Order",
  "refunds/create": "Refund",
  "bulk_operations/finish": "BulkOperation",
};

export function isComplianceTopic(topic: WebhookTopic): boolean {
  return COMPLIANCE_TOPICS.some((t) => t === topic);
}

/** Checks on headers alone, before the body is read. */
export function refuseHeaders(
  method: string,
  headers: Headers,
  routeTopic: WebhookTopic,
): WebhookRefusal | null {
  if (method !== "POST") return { status: 405, message: "Webhooks are delivered with POST" };
  const shop = headers.get("x-shopify-shop-domain");
  if (!shop || !isShopDomain(shop))
    return {
      status: 400,
      message: "X-Shopify-Shop-Domain is missing or not a Shopify shop domain",
    };
  const topic = headers.get("x-shopify-topic");
  if (topic !== routeTopic)
    return { status: 400, message: `X-Shopify-Topic does not match this route (${routeTopic})` };
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks that the signed body belongs to this topic and this shop. */
export function refusePayload(
  routeTopic: WebhookTopic,
  shop: string,
  payload: unknown,
): WebhookRefusal | null {
  if (!isRecord(payload)) return { status: 400, message: "Webhook body must be a JSON object" };
  // Compliance payloads name the shop (shop_domain, shopify.dev "Privacy law compliance"); the
  // app/uninstalled body is the Shop resource (myshopify_domain). Where the body names it, it wins.
  for (const field of ["shop_domain", "myshopify_domain"] as const) {
    if (!(field in payload)) continue;
    const named = payload[field];
    if (typeof named !== "string" || named.toLowerCase() !== shop.toLowerCase()) {
      return { status: 400, message: `The body's ${field} does not match X-Shopify-Shop-Domain` };
    }
  }
  if (isComplianceTopic(routeTopic) && typeof payload.shop_domain !== "string") {
    return { status: 400, message: "A compliance webhook body must name its shop_domain" };
  }
  const resource = RESOURCE_OF_TOPIC[routeTopic];
  const gid = payload.admin_graphql_api_id;
  if (
    resource &&
    gid !== undefined &&
    (typeof gid !== "string" || !gid.startsWith(`gid://shopify/${resource}/`))
  ) {
    return { status: 400, message: `The body is not a ${resource}, as ${routeTopic} sends` };
  }
  return null;
}
