// A webhook as Shopify sends it: the raw JSON body signed with the app's secret (base64
// HMAC-SHA256 in X-Shopify-Hmac-Sha256) and every header of shopify.dev "Webhooks delivery
// structure": Topic, Hmac-Sha256, Shop-Domain, API-Version, Webhook-Id (one per delivery, kept
// across its retries), Triggered-At and Event-Id (shared by every delivery of one merchant action).
import { createHmac, randomUUID } from "node:crypto";
import { SIMULATED_API_VERSION } from "./schema";

export interface WebhookRequestOptions {
  url: string;
  topic: string; // "app/uninstalled"
  shop: string; // "oak-and-hide.myshopify.com"
  payload: unknown;
  apiSecret: string;
  webhookId?: string;
  eventId?: string;
  triggeredAt?: Date;
}

export function webhookHmac(body: string, apiSecret: string): string {
  return createHmac("sha256", apiSecret).update(body, "utf8").digest("base64");
}

export function signedWebhookRequest(options: WebhookRequestOptions): Request {
  const body = JSON.stringify(options.payload);
  return new Request(options.url, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": SIMULATED_API_VERSION,
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Event-Id": options.eventId ?? randomUUID(),
      "X-Shopify-Triggered-At": (options.triggeredAt ?? new Date()).toISOString(),
      "X-Shopify-Hmac-Sha256": webhookHmac(body, options.apiSecret),
    },
  });
}
