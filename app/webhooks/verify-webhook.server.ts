// The one door every webhook route goes through. authenticate.webhook
// (node_modules/@shopify/shopify-app-remix/dist/esm/server/authenticate/webhooks/authenticate.mjs)
// checks the HMAC (401) and the required headers (400), then loads the shop's offline session and
// JSON.parses the body; it does not compare X-Shopify-Topic with the route, a malformed shop header
// makes it throw InvalidShopError (sanitizeShop in session.getOfflineId), and a signed body that is
// not JSON makes JSON.parse throw: both reached the client as 500. Here those become clear 4xx
// answers, and the unsigned headers are bound to the route and the signed body
// (webhook-binding.ts). Refusals are thrown as Responses, as the library does.
import db from "../db.server";
import { isKnownShop } from "../shop-data/known-shop.server";
import { authenticate } from "../shopify.server";
import {
  isComplianceTopic,
  refuseHeaders,
  refusePayload,
  type WebhookRefusal,
  type WebhookTopic,
} from "./webhook-binding";

export interface VerifiedWebhook {
  shop: string;
  topic: WebhookTopic;
  apiVersion: string;
  webhookId: string;
  eventId: string | undefined;
  payload: Record<string, unknown>;
  /** An offline session is stored: the shop can be called now (false after an uninstall). */
  hasSession: boolean;
}

function refused({ status, message }: WebhookRefusal): Response {
  return new Response(message, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

const LIBRARY_REFUSALS: Record<number, string> = {
  400: "Webhook headers are missing (X-Shopify-Topic, -Shop-Domain, -API-Version, -Webhook-Id, -Hmac-Sha256)",
  401: "X-Shopify-Hmac-Sha256 does not match the body",
  405: "Webhooks are delivered with POST",
};

async function authenticated(request: Request) {
  try {
    return await authenticate.webhook(request);
  } catch (thrown) {
    if (thrown instanceof Response) {
      const message = LIBRARY_REFUSALS[thrown.status];
      throw message && (thrown.status === 400 || thrown.status === 401 || thrown.status === 405)
        ? refused({ status: thrown.status, message })
        : thrown;
    }
    // The HMAC matched (the library parses only after checking it), but the body is not JSON.
    if (thrown instanceof SyntaxError)
      throw refused({ status: 400, message: "Webhook body is not valid JSON" });
    throw thrown;
  }
}

/**
 * Verifies a webhook for `topic`'s route. Throws a 4xx Response when it is not a genuine delivery
 * of that topic for that shop, or (outside the compliance topics and app/uninstalled) when the shop
 * never installed the app.
 */
export async function verifyShopifyWebhook(
  request: Request,
  topic: WebhookTopic,
): Promise<VerifiedWebhook> {
  const early = refuseHeaders(request.method, request.headers, topic);
  if (early) throw refused(early);
  const context = await authenticated(request);
  const refusal = refusePayload(topic, context.shop, context.payload);
  if (refusal) throw refused(refusal);
  const payload: Record<string, unknown> = { ...context.payload };
  // Compliance topics arrive after uninstall (shop/redact 48 h later), and app/uninstalled may be
  // redelivered after its first delivery removed the sessions: both must be answered for any shop
  // whose signed body names it. Every other topic needs a shop that installed the app.
  // A stored offline session (the library has just loaded it) is an install: the look-up is
  // needed only without one, which keeps the usual delivery to the library's one query.
  if (
    !isComplianceTopic(topic) &&
    topic !== "app/uninstalled" &&
    context.session === undefined &&
    !(await isKnownShop(db, context.shop))
  ) {
    throw refused({ status: 404, message: "This shop has not installed the app" });
  }
  return {
    shop: context.shop,
    topic,
    apiVersion: context.apiVersion,
    webhookId: context.webhookId,
    eventId: context.eventId,
    payload,
    hasSession: context.session !== undefined,
  };
}
