// A webhook as Shopify sends it: the raw JSON body signed with the app's secret
// (base64 HMAC-SHA256 in X-Shopify-Hmac-Sha256) and the headers Shopify's libraries require.
import { createHmac, randomUUID } from "node:crypto";
import { SIMULATED_API_VERSION } from "./schema";

export interface WebhookRequestOptions {
  url: string;
  topic: string; // "app/uninstalled"
  shop: string; // "oak-and-hide.myshopify.com"
  payload: unknown;
  apiSecret: string;
  webhookId?: string;
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
      "X-Shopify-Triggered-At": (options.triggeredAt ?? new Date()).toISOString(),
      "X-Shopify-Hmac-Sha256": webhookHmac(body, options.apiSecret),
    },
  });
}
