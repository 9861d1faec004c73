import { describe, expect, it } from "vitest";
import { webhookHmac } from "../webhook-request";
import { WebhookDispatcher } from "./dispatcher";
import { subscriptionsFromToml } from "./toml-subscriptions";

const app = { apiSecret: "secret", appUrl: "https://app.test" };
const subscriptions = [{ topics: ["orders/create"], uri: "/webhooks/orders/create" }];

interface Seen {
  id: string | null;
  url: string;
  valid: boolean;
}

function recorder(statuses: number[]) {
  const seen: Seen[] = [];
  const transport = async (request: Request) => {
    const body = await request.text();
    seen.push({
      id: request.headers.get("x-shopify-webhook-id"),
      url: request.url,
      valid: request.headers.get("x-shopify-hmac-sha256") === webhookHmac(body, app.apiSecret),
    });
    return new Response(null, { status: statuses[seen.length - 1] ?? 200 });
  };
  return { seen, transport };
}

describe("WebhookDispatcher", () => {
  it("retries a failed delivery with the same webhook id until it succeeds", async () => {
    const { seen, transport } = recorder([500, 503, 200]);
    const dispatcher = new WebhookDispatcher(app, {
      subscriptions,
      transport,
      retryDelaysMs: [1, 1, 1],
    });
    const [delivery] = dispatcher.send("oak.myshopify.com", "orders/create", { id: 1 });
    await dispatcher.whenIdle();
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((s) => s.id)).size).toBe(1);
    expect(seen.every((s) => s.valid && s.url === "https://app.test/webhooks/orders/create")).toBe(
      true,
    );
    expect(delivery?.outcome).toBe("delivered");
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
  });

  it("gives up after the last try, and counts a hang as a failure after the timeout", async () => {
    const { seen, transport } = recorder([500, 500, 500, 500]);
    const dispatcher = new WebhookDispatcher(app, {
      subscriptions,
      transport,
      retryDelaysMs: [1, 1],
    });
    const [failed] = dispatcher.send("oak.myshopify.com", "orders/create", {});
    await dispatcher.whenIdle();
    expect(seen).toHaveLength(3);
    expect(failed?.outcome).toBe("failed");

    const hanging = new WebhookDispatcher(app, {
      subscriptions,
      transport: () => new Promise<Response>(() => undefined),
      retryDelaysMs: [],
      timeoutMs: 20,
    });
    const [timedOut] = hanging.send("oak.myshopify.com", "orders/create", {});
    await hanging.whenIdle();
    expect(timedOut?.attempts).toEqual([
      expect.objectContaining({ status: null, error: "no answer within 20 ms" }),
    ]);
  });

  it("sends nothing for unsubscribed topics, drops on request, redelivers the same id, forges a bad signature", async () => {
    const { seen, transport } = recorder([]);
    const dispatcher = new WebhookDispatcher(app, { subscriptions, transport, retryDelaysMs: [] });
    expect(dispatcher.send("oak.myshopify.com", "orders/updated", {})).toEqual([]);
    dispatcher.dropNext("oak.myshopify.com", 1);
    expect(dispatcher.send("oak.myshopify.com", "orders/create", {})[0]?.outcome).toBe("dropped");
    const [sent] = dispatcher.send("oak.myshopify.com", "orders/create", { n: 2 });
    const again = dispatcher.redeliverLast("oak.myshopify.com");
    dispatcher.forge("oak.myshopify.com", "orders/create", { n: 3 });
    await dispatcher.whenIdle();
    expect(again?.webhookId).toBe(sent?.webhookId);
    expect(again?.eventId).toBe(sent?.eventId);
    expect(seen.map((s) => s.valid)).toEqual([true, true, false]);
  });

  // shopify.dev "Webhooks delivery structure" (https://shopify.dev/docs/apps/build/webhooks/delivery-structure):
  // every delivery has Topic, Hmac-Sha256, Shop-Domain, API-Version, Webhook-Id ("a unique composite
  // key per delivery"), Triggered-At and Event-Id ("shared across all deliveries produced by the same
  // merchant action"); shopify.dev "Ignore duplicate webhooks": one webhook per subscription of a topic.
  it("sends every documented header; one action's deliveries share the event id and trigger time across topics, subscriptions and retries", async () => {
    const { seedShop } = await import("../seed");
    const { fulfilOrder } = await import("../store/order-mutations");
    const store = seedShop({
      domain: "oak-and-hide.myshopify.com",
      orders: 30,
      seed: 4,
      now: new Date("2026-12-10T15:00:00Z"),
    });
    const headers: Record<string, string | null>[] = [];
    let calls = 0;
    const dispatcher = new WebhookDispatcher(app, {
      subscriptions: [
        { topics: ["orders/fulfilled", "orders/updated"], uri: "/webhooks/orders" },
        { topics: ["orders/updated"], uri: "/webhooks/orders/second" },
      ],
      retryDelaysMs: [1],
      transport: async (request) => {
        const body = await request.text();
        const names = [
          "x-shopify-topic",
          "x-shopify-shop-domain",
          "x-shopify-api-version",
          "x-shopify-webhook-id",
          "x-shopify-event-id",
          "x-shopify-triggered-at",
        ];
        headers.push({
          ...Object.fromEntries(names.map((name) => [name, request.headers.get(name)])),
          url: request.url,
          valid: String(
            request.headers.get("x-shopify-hmac-sha256") === webhookHmac(body, app.apiSecret),
          ),
        });
        calls += 1;
        // The first delivery fails once and is retried.
        return new Response(null, { status: calls === 1 ? 500 : 200 });
      },
    });
    dispatcher.watch(store);
    const order = store.orders.find(
      (o) => o.fulfillmentStatus === "UNFULFILLED" && o.cancelledAt === null,
    );
    if (!order) throw new Error("no open order");
    fulfilOrder(store, order.id);
    await dispatcher.whenIdle();

    // orders/fulfilled to one subscription (tried twice), orders/updated to two.
    expect(headers).toHaveLength(4);
    expect(
      headers.every(
        (h) =>
          h.valid === "true" &&
          h["x-shopify-shop-domain"] === "oak-and-hide.myshopify.com" &&
          h["x-shopify-api-version"] === "2026-10",
      ),
    ).toBe(true);
    expect(new Set(headers.map((h) => h["x-shopify-event-id"])).size).toBe(1);
    expect(new Set(headers.map((h) => h["x-shopify-triggered-at"])).size).toBe(1);
    expect(headers.map((h) => h["x-shopify-topic"]).sort()).toEqual([
      "orders/fulfilled",
      "orders/fulfilled",
      "orders/updated",
      "orders/updated",
    ]);
    // Three deliveries, three webhook ids: the retry kept its delivery's id.
    expect(new Set(headers.map((h) => h["x-shopify-webhook-id"])).size).toBe(3);
    const fulfilled = headers.filter((h) => h["x-shopify-topic"] === "orders/fulfilled");
    expect(fulfilled[0]?.["x-shopify-webhook-id"]).toBe(fulfilled[1]?.["x-shopify-webhook-id"]);

    // A later action is a new event.
    const other = store.orders.find(
      (o) => o.fulfillmentStatus === "UNFULFILLED" && o.cancelledAt === null,
    );
    if (!other) throw new Error("no open order");
    fulfilOrder(store, other.id);
    await dispatcher.whenIdle();
    expect(new Set(headers.map((h) => h["x-shopify-event-id"])).size).toBe(2);
  });

  it("reads event subscriptions from shopify.app.toml, skipping compliance topics", () => {
    const toml = `[webhooks]\napi_version = "2026-10"\n[[webhooks.subscriptions]]\ntopics = ["orders/create"]\nuri = "/webhooks/orders/create"\n[[webhooks.subscriptions]]\ncompliance_topics = ["shop/redact"]\nuri = "/webhooks/shop/redact"\n`;
    expect(subscriptionsFromToml(toml)).toEqual([
      { topics: ["orders/create"], uri: "/webhooks/orders/create" },
    ]);
  });
});

describe("remedy webhooks", () => {
  it("sends refunds/create with the REST Refund and orders/edited with the order edit", async () => {
    const { seedShop } = await import("../seed");
    const { refundsOf } = await import("../store/refunds");
    const { orderEditsOf } = await import("../store/order-edits");
    const store = seedShop({
      domain: "oak-and-hide.myshopify.com",
      orders: 60,
      seed: 3,
      now: new Date("2026-12-10T15:00:00Z"),
    });
    const bodies: { topic: string | null; body: unknown }[] = [];
    const dispatcher = new WebhookDispatcher(app, {
      subscriptions: [
        { topics: ["refunds/create"], uri: "/webhooks/refunds/create" },
        { topics: ["orders/edited"], uri: "/webhooks/orders/edited" },
      ],
      transport: async (request: Request) => {
        bodies.push({ topic: request.headers.get("x-shopify-topic"), body: await request.json() });
        return new Response(null, { status: 200 });
      },
      retryDelaysMs: [1],
    });
    dispatcher.watch(store);
    const order = store.orders.find(
      (o) =>
        o.cancelledAt === null &&
        o.receivedCents > 0 &&
        o.lineItems.every((i) => i.fulfilledQuantity === 0),
    );
    if (!order) throw new Error("no refundable order in the seed");

    const refunded = refundsOf(store).create({
      orderId: order.id,
      lines: [],
      shipping: { fullRefund: true, amountCents: null },
      transactions: [],
      notify: false,
      note: "late",
      at: Date.now(),
    });
    if ("userErrors" in refunded) throw new Error(refunded.userErrors[0]?.message);
    const edits = orderEditsOf(store);
    const edit = edits.begin(order.id);
    if ("userErrors" in edit) throw new Error(edit.userErrors[0]?.message);
    const variant = store.variants[0];
    if (!variant) throw new Error("no variant");
    edits.addVariant(edit, variant.id, 1, true);
    const committed = edits.commit(edit, false, "free add-on");
    if ("userErrors" in committed) throw new Error(committed.userErrors[0]?.message);
    await dispatcher.whenIdle();

    expect(bodies.find((b) => b.topic === "refunds/create")?.body).toMatchObject({
      id: refunded.refund.id,
      order_id: order.id,
      note: "late",
    });
    expect(bodies.find((b) => b.topic === "orders/edited")?.body).toMatchObject({
      order_edit: {
        id: edit.id,
        order_id: order.id,
        staff_note: "free add-on",
        line_items: { additions: [{ delta: 1 }] },
      },
    });
  });
});
