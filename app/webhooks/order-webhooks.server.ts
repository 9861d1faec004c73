// The order webhooks' one handler: verify and bind the delivery (verify-webhook.server.ts), drop it
// when the shop has no session (uninstalled: nothing can be read, and retrying cannot help),
// record the event for this topic (a duplicate stops here, see webhook-receipt.server.ts) and, in
// the same transaction, queue the changed order on the durable sync queue, then answer 200 at
// once. The queue re-reads the order by GraphQL (docs/order-import.md).
import { z } from "zod";
import db from "../db.server";
import { appServices } from "../services.server";
import { verifyShopifyWebhook } from "./verify-webhook.server";
import { recordWebhookReceipt, recordWebhookWithTask } from "./webhook-receipt.server";
import { toGid } from "../admin-api/gid";

const orderPayload = z.object({
  admin_graphql_api_id: z.string().startsWith("gid://shopify/Order/"),
});
// refunds/create carries the REST Refund: the order is order_id.
const refundPayload = z.object({
  order_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]),
});
const bulkFinishPayload = z.object({
  admin_graphql_api_id: z.string(),
  status: z.string(),
  type: z.string(),
});

export type OrderTopic =
  | "orders/create"
  | "orders/updated"
  | "orders/fulfilled"
  | "orders/cancelled"
  | "orders/edited"
  | "refunds/create"
  | "bulk_operations/finish";

function changedOrderId(topic: OrderTopic, payload: unknown): string | null {
  if (topic === "refunds/create") {
    const parsed = refundPayload.safeParse(payload);
    return parsed.success ? toGid("Order", parsed.data.order_id) : null;
  }
  if (topic === "orders/edited") {
    // orders/edited carries { order_edit: { order_id, … } }.
    const parsed = z
      .object({
        order_edit: z.object({ order_id: z.union([z.number().int(), z.string().regex(/^\d+$/)]) }),
      })
      .safeParse(payload);
    if (parsed.success) return toGid("Order", parsed.data.order_edit.order_id);
  }
  const parsed = orderPayload.safeParse(payload);
  return parsed.success ? parsed.data.admin_graphql_api_id : null;
}

export async function handleOrderWebhook(request: Request, topic: OrderTopic): Promise<Response> {
  const { shop, webhookId, eventId, payload, hasSession } = await verifyShopifyWebhook(
    request,
    topic,
  );
  // Shopify sends X-Shopify-Event-Id on every delivery ("Webhooks delivery structure"); without it a
  // duplicate could not be told apart, so the request is refused and nothing is recorded.
  if (!eventId) return new Response("Missing X-Shopify-Event-Id header", { status: 400 });
  if (!hasSession) {
    // After an uninstall Shopify still delivers what was queued. 200 stops its retries; no receipt,
    // so a reinstall is not refused as a duplicate. One line, with no payload (it holds customer data).
    console.warn(`webhook ${topic} for ${shop}: no offline session (app uninstalled); dropped`);
    return new Response(null, { status: 200 });
  }
  const receipt = { shop, topic, eventId, webhookId };
  if (topic === "bulk_operations/finish") {
    const parsed = bulkFinishPayload.safeParse(payload);
    if (!parsed.success) return new Response("Unexpected payload", { status: 400 });
    const bulkOperationId = parsed.data.admin_graphql_api_id;
    const recorded =
      parsed.data.type === "query"
        ? await recordWebhookWithTask(db, receipt, {
            kind: "bulk_finish",
            target: bulkOperationId,
          })
        : await recordWebhookReceipt(db, receipt);
    if (recorded) appServices().orderSync.poke(shop);
    return new Response(null, { status: 200 });
  }
  const orderId = changedOrderId(topic, payload);
  if (!orderId) return new Response("Unexpected payload", { status: 400 });
  // The receipt and the refresh it asks for are one transaction: no crash can keep one without
  // the other (a receipt alone would refuse Shopify's redelivery as a duplicate).
  if (await recordWebhookWithTask(db, receipt, { kind: "refresh", target: orderId }))
    appServices().orderSync.poke(shop);
  return new Response(null, { status: 200 });
}
