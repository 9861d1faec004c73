// Test and demo controls: things that happen in a shop without the app asking (a shopper checks
// out, the workshop ships, a customer cancels) and webhook mischief (a redelivery, a forgery, a
// lost delivery). HTTP routes under /<shop>/simulator/…; they are NOT Shopify routes.
import { z } from "zod";
import { parseGid, toGid } from "./gid";
import { OrderChangeError, cancelOrder, createOrder, fulfilOrder } from "./store/order-mutations";
import type { ShopStore } from "./store/shop-store";
import type { Delivery, WebhookDispatcher } from "./webhooks/dispatcher";
import { restOrder } from "./webhooks/payloads";

export interface ControlReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const reply = (status: number, body: unknown): ControlReply => ({
  status,
  body: JSON.stringify(body),
  headers: { "Content-Type": "application/json; charset=utf-8" },
});

const newOrderSchema = z.object({
  lines: z
    .array(
      z.object({
        variantId: z.union([z.number().int(), z.string()]),
        quantity: z.number().int().min(1).default(1),
      }),
    )
    .min(1)
    .optional(),
  email: z.string().email().optional(),
});
const forgeSchema = z.object({
  topic: z.string().default("orders/create"),
  payload: z.unknown().optional(),
});
const dropSchema = z.object({ count: z.number().int().min(1).max(1000).default(1) });

function numericId(raw: string | number, type: string): number | null {
  if (typeof raw === "number") return raw;
  if (/^\d+$/.test(raw)) return Number(raw);
  const gid = parseGid(raw);
  return gid && gid.type === type ? gid.id : null;
}

function parseJson(body: string): unknown {
  if (!body.trim()) return {};
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function summary(delivery: Delivery) {
  return {
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    topic: delivery.topic,
    url: delivery.url,
    forged: delivery.forged,
    outcome: delivery.outcome,
    attempts: delivery.attempts,
  };
}

/** Handles `rest` (the path after /<shop>), or undefined when it is not a control route. */
export function handleControl(
  store: ShopStore,
  webhooks: WebhookDispatcher,
  method: string,
  rest: string,
  body: string,
): ControlReply | undefined {
  const shop = store.shop.myshopifyDomain;
  const input = parseJson(body);
  if (input === undefined) return reply(400, { error: "Body must be JSON" });
  try {
    if (rest === "/simulator/orders" && method === "POST") {
      const parsed = newOrderSchema.safeParse(input);
      if (!parsed.success)
        return reply(422, { error: parsed.error.issues[0]?.message ?? "invalid" });
      // Default: one unit of the shop's best-selling made-to-order variant, as most checkouts are.
      const fallback = store.products.find((product) => product.makeDays > 0)?.variantIds[0];
      const lines =
        parsed.data.lines?.map((line) => ({
          variantId: numericId(line.variantId, "ProductVariant") ?? -1,
          quantity: line.quantity,
        })) ?? (fallback ? [{ variantId: fallback, quantity: 1 }] : []);
      const order = createOrder(store, {
        lines,
        ...(parsed.data.email ? { email: parsed.data.email } : {}),
      });
      return reply(201, { order: restOrder(order) });
    }
    const orderAction = /^\/simulator\/orders\/([^/]+)\/(fulfil|fulfill|cancel)$/.exec(rest);
    if (orderAction && method === "POST") {
      const id = numericId(decodeURIComponent(orderAction[1] ?? ""), "Order");
      if (id === null) return reply(404, { error: "No such order" });
      const order = orderAction[2] === "cancel" ? cancelOrder(store, id) : fulfilOrder(store, id);
      return reply(200, { order: restOrder(order) });
    }
    // What a demo visitor needs to place a checkout of a chosen product (README, "What to try").
    if (rest === "/simulator/products" && method === "GET")
      return reply(200, {
        products: store.products.map((product) => ({
          id: toGid("Product", product.id),
          title: product.title,
          variants: product.variantIds.map((id) => ({
            id: toGid("ProductVariant", id),
            title: store.variant(id)?.title ?? "",
          })),
        })),
      });
    if (rest === "/simulator/webhooks" && method === "GET")
      return reply(200, { deliveries: webhooks.deliveries(shop).map(summary) });
    if (rest === "/simulator/webhooks/redeliver-last" && method === "POST") {
      const delivery = webhooks.redeliverLast(shop);
      return delivery
        ? reply(202, { delivery: summary(delivery) })
        : reply(404, { error: "Nothing delivered yet" });
    }
    if (rest === "/simulator/webhooks/forge" && method === "POST") {
      const parsed = forgeSchema.safeParse(input);
      if (!parsed.success)
        return reply(422, { error: parsed.error.issues[0]?.message ?? "invalid" });
      const last = store.orders.at(-1);
      const payload = parsed.data.payload ?? (last ? restOrder(last) : {});
      return reply(202, {
        deliveries: webhooks.forge(shop, parsed.data.topic, payload).map(summary),
      });
    }
    if (rest === "/simulator/webhooks/drop-next" && method === "POST") {
      const parsed = dropSchema.safeParse(input);
      if (!parsed.success)
        return reply(422, { error: parsed.error.issues[0]?.message ?? "invalid" });
      webhooks.dropNext(shop, parsed.data.count);
      return reply(200, { dropping: parsed.data.count });
    }
  } catch (error) {
    if (error instanceof OrderChangeError) return reply(422, { error: error.message });
    throw error;
  }
  // Other /simulator/ routes (faults, …) belong to other modules.
  return undefined;
}
