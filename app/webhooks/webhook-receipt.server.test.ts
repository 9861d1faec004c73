// Duplicate webhooks, as Shopify defines them. Sources:
// - shopify.dev "Ignore duplicate webhooks" (https://shopify.dev/docs/apps/build/webhooks/ignore-duplicates):
//   "Get the event ID from the headers. This is the X-Shopify-Event-Id header and the same value
//   across more than one webhook indicates a duplicate"; "If you have more than one subscription for
//   the same topic, then you'll receive several webhooks for the same event (one per subscription)."
// - shopify.dev "Webhooks delivery structure" (https://shopify.dev/docs/apps/build/webhooks/delivery-structure):
//   X-Shopify-Webhook-Id is "a unique composite key per delivery"; X-Shopify-Event-Id is "a unique
//   ID shared across all deliveries produced by the same merchant action".
// The simulator's dispatcher sends those headers; the app's real routes answer; outcomes are read
// from the database (receipts, tracked orders) and the simulator's delivery log.
import type { OrderSync } from "../orders/sync.server";
import type { PrismaClient } from "@prisma/client";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { toGid } from "@delay-desk/simulator/gid";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";
import { signedWebhookRequest } from "@delay-desk/simulator/webhook-request";
import type {
  WebhookSubscription,
  WebhookTransport,
} from "@delay-desk/simulator/webhooks/dispatcher";
import { subscriptionsFromTomlFile } from "@delay-desk/simulator/webhooks/toml-subscriptions";
import {
  callRoute,
  startAppUnderTest,
  TEST_APP,
  type AppUnderTest,
} from "../../tests/support/app-under-test";
import { recordWebhookReceipt } from "./webhook-receipt.server";
import { createOrderSync, enqueueSyncTask, orderSyncDeps } from "../orders/sync.server";
import { deliverToWebhookRoute, settleOrderSync } from "../../tests/support/webhook-delivery";
import { workerDatabase } from "../../tests/support/test-databases";

let app: AppUnderTest;
let db: PrismaClient;
let store: ShopStore;
let sync: OrderSync;

const ROOT = path.resolve(import.meta.dirname, "../..");
const TOML_SUBSCRIPTIONS = subscriptionsFromTomlFile(path.join(ROOT, "shopify.app.toml"));
const QUIET_TAG = "changed-without-a-webhook";

const deliverToApp = deliverToWebhookRoute;

const settle = () => settleOrderSync(app.simulator, sync);

async function control(pathname: string): Promise<void> {
  const response = await fetch(`${app.simulator.origin}/${app.shop}/simulator/${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

function deliverWith(subscriptions: WebhookSubscription[], transport: WebhookTransport): void {
  app.simulator.webhooks.configure({ subscriptions, transport, retryDelaysMs: [5, 10] });
}

function openOrder(taken: Set<number>): OrderRecord {
  const order = store.orders.find(
    (o) =>
      o.cancelledAt === null &&
      o.fulfillmentStatus === "UNFULFILLED" &&
      !o.test &&
      !taken.has(o.id),
  );
  if (!order) throw new Error("no open order left in the seed");
  taken.add(order.id);
  return order;
}
const used = new Set<number>();

/**
 * Changes the order in the simulator without any webhook, as a stand-in for "the app processed the
 * delivery again": only a second processing would copy this tag into the tracked row.
 */
function changeQuietly(order: OrderRecord): void {
  order.tags = [...order.tags, QUIET_TAG];
}

async function trackedRow(order: OrderRecord) {
  const row = await db.trackedOrder.findUniqueOrThrow({
    where: { shop_id: { shop: app.shop, id: toGid("Order", order.id) } },
  });
  return {
    tags: z.array(z.string()).parse(JSON.parse(row.tags)),
    unitsRemaining: row.unitsRemaining,
  };
}

function headersOf(request: Request) {
  return {
    topic: request.headers.get("x-shopify-topic"),
    webhookId: request.headers.get("x-shopify-webhook-id"),
    eventId: request.headers.get("x-shopify-event-id"),
  };
}

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 40, seed: 5 });
  sync = (await import("../services.server")).buildAppServices({
    orderSync: { pollIntervalMs: 20 },
  }).orderSync;
  db = (await import("../db.server")).default;
  const found = app.simulator.stores.get(app.shop);
  if (!found) throw new Error("no store");
  store = found;
});

// Each test on a fresh database: the first admin page load exchanges the token and imports the
// orders; what a test set off is finished before the next one's reset.
beforeEach(async () => {
  deliverWith(TOML_SUBSCRIPTIONS, deliverToApp);
  const { loader } = await import("../routes/app");
  await callRoute(loader, app.embeddedDocumentRequest("/app"));
  await settle();
});

afterEach(() => deliverWith(TOML_SUBSCRIPTIONS, deliverToApp));

afterAll(async () => {
  await settle();
  sync.stop();
  await db.$disconnect();
  await app.close();
});

describe("webhook receipts", () => {
  it("are keyed by (shop, topic, eventId) in the migrated database", async () => {
    const columns = z.array(z.object({ name: z.string() })).parse(
      await db.$queryRawUnsafe(
        workerDatabase() === "postgresql"
          ? `SELECT kcu.column_name AS name FROM information_schema.table_constraints tc
               JOIN information_schema.key_column_usage kcu
                 ON kcu.constraint_name = tc.constraint_name AND kcu.table_name = tc.table_name
               WHERE tc.table_name = 'WebhookReceipt' AND tc.constraint_type = 'PRIMARY KEY'
               ORDER BY kcu.ordinal_position`
          : `SELECT name FROM pragma_table_info('WebhookReceipt') WHERE pk > 0 ORDER BY pk`,
      ),
    );
    expect(columns.map((c) => c.name)).toEqual(["shop", "topic", "eventId"]);
  });

  it("let a retry of an event through once, whatever its webhook id, per shop and per topic", async () => {
    const first = {
      shop: "a-shop.myshopify.com",
      topic: "orders/updated",
      eventId: "evt-shared",
      webhookId: "wh-1",
    };
    expect(await recordWebhookReceipt(db, first)).toBe(true);
    expect(await recordWebhookReceipt(db, first)).toBe(false);
    expect(await recordWebhookReceipt(db, { ...first, webhookId: "wh-2" })).toBe(false);
    // Another shop's event with the same id is that shop's own event: processed.
    expect(await recordWebhookReceipt(db, { ...first, shop: "b-shop.myshopify.com" })).toBe(true);
    // The same action seen on another topic is handled for that topic too.
    expect(await recordWebhookReceipt(db, { ...first, topic: "orders/fulfilled" })).toBe(true);
    expect(await db.webhookReceipt.count({ where: { eventId: "evt-shared" } })).toBe(3);
  });

  it("are written in one transaction with the work they ask for: when queueing it fails, no receipt stays and Shopify's redelivery is processed", async () => {
    const receipt = {
      shop: app.shop,
      topic: "orders/updated",
      eventId: "evt-crash-between",
      webhookId: "wh-1",
    };
    // What a crash between the receipt and its work looks like from the database's side.
    await expect(
      recordWebhookReceipt(db, receipt, async (tx) => {
        await enqueueSyncTask(tx, app.shop, "refresh", "gid://shopify/Order/1");
        throw new Error("process died");
      }),
    ).rejects.toThrow("process died");
    expect(await db.webhookReceipt.count({ where: { eventId: receipt.eventId } })).toBe(0);
    expect(
      await db.syncTask.count({ where: { shop: app.shop, target: "gid://shopify/Order/1" } }),
    ).toBe(0);
    expect(await recordWebhookReceipt(db, { ...receipt, webhookId: "wh-2" })).toBe(true);
  });
});

describe("the durable order sync queue", () => {
  it("takes over a refresh a dead process held once its lease ran out, and leaves a live process's alone", async () => {
    const [dead, live] = [openOrder(used), openOrder(used)];
    changeQuietly(dead);
    changeQuietly(live);
    const past = new Date(Date.now() - 1_000);
    const future = new Date(Date.now() + 60_000);
    await db.syncTask.createMany({
      data: [
        {
          shop: app.shop,
          kind: "refresh",
          target: toGid("Order", dead.id),
          leaseOwner: "gone:1:a",
          leaseUntil: past,
        },
        {
          shop: app.shop,
          kind: "refresh",
          target: toGid("Order", live.id),
          leaseOwner: "alive:2:b",
          leaseUntil: future,
        },
      ],
    });
    // Another app process's queue, started as the composition root starts it.
    const { appServices } = await import("../services.server");
    const other = createOrderSync(
      orderSyncDeps(
        { db, adminFor: async (shop) => appServices().backgroundAdmin(shop) },
        { claimIntervalMs: 20, reconcileIntervalMs: 0, owner: "other:3:c" },
      ),
    );
    other.start();
    try {
      for (let i = 0; i < 200; i++) {
        if ((await trackedRow(dead)).tags.includes(QUIET_TAG)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await other.drain();
    } finally {
      other.stop();
    }
    expect((await trackedRow(dead)).tags).toContain(QUIET_TAG);
    expect(
      await db.syncTask.count({ where: { shop: app.shop, target: toGid("Order", dead.id) } }),
    ).toBe(0);
    // Still held by a process whose lease has not run out: not done, not taken.
    expect((await trackedRow(live)).tags).not.toContain(QUIET_TAG);
    const held = await db.syncTask.findMany({
      where: { shop: app.shop, target: toGid("Order", live.id) },
    });
    expect(held.map((t) => t.leaseOwner)).toEqual(["alive:2:b"]);
    await db.syncTask.deleteMany({ where: { shop: app.shop } });
  });
});

describe("order webhooks from the simulator", () => {
  it("a retry with the same event id (the app's 200 was lost) is processed once", async () => {
    const order = openOrder(used);
    const seen: ReturnType<typeof headersOf>[] = [];
    deliverWith(
      [{ topics: ["orders/fulfilled"], uri: "/webhooks/orders/fulfilled" }],
      async (request) => {
        seen.push(headersOf(request));
        const response = await deliverToApp(request);
        if (seen.length > 1) return response;
        // The app handled it, but Shopify never got the answer: it will retry.
        await sync.drain();
        changeQuietly(order);
        return new Response(null, { status: 504 });
      },
    );
    await control(`orders/${order.id}/fulfil`);
    await settle();

    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
    const delivery = app.simulator.webhooks.deliveries(app.shop).at(-1);
    expect(delivery?.attempts.map((a) => a.status)).toEqual([504, 200]);
    expect(
      await db.webhookReceipt.count({
        where: { shop: app.shop, topic: "orders/fulfilled", eventId: seen[0]?.eventId ?? "" },
      }),
    ).toBe(1);
    const row = await trackedRow(order);
    expect(row.unitsRemaining).toBe(0);
    expect(row.tags).not.toContain(QUIET_TAG);
  });

  it("one fulfilment reaches orders/fulfilled and orders/updated with one event id, and each topic is processed once", async () => {
    const order = openOrder(used);
    await control(`orders/${order.id}/fulfil`);
    await settle();
    const fulfilled = app.simulator.webhooks
      .deliveries(app.shop)
      .filter((d) => d.topic === "orders/fulfilled")
      .at(-1);
    if (!fulfilled) throw new Error("no orders/fulfilled delivery");
    const ofAction = app.simulator.webhooks
      .deliveries(app.shop)
      .filter((d) => d.eventId === fulfilled.eventId);
    expect(ofAction.map((d) => d.topic).sort()).toEqual(["orders/fulfilled", "orders/updated"]);
    expect(new Set(ofAction.map((d) => d.webhookId)).size).toBe(2);
    expect(ofAction.every((d) => d.outcome === "delivered")).toBe(true);
    const receipts = await db.webhookReceipt.findMany({
      where: { shop: app.shop, eventId: fulfilled.eventId },
      orderBy: { topic: "asc" },
    });
    expect(receipts.map((r) => r.topic)).toEqual(["orders/fulfilled", "orders/updated"]);
    expect((await trackedRow(order)).unitsRemaining).toBe(0);
  });

  it("two subscriptions to one topic get the event once each, with their own webhook ids, and it is processed once", async () => {
    const order = openOrder(used);
    const seen: ReturnType<typeof headersOf>[] = [];
    // Deliveries reach the app one after the other, so the second finds the first one's receipt.
    let queue = Promise.resolve();
    deliverWith(
      [
        { topics: ["orders/updated"], uri: "/webhooks/orders/updated" },
        { topics: ["orders/updated"], uri: "/webhooks/orders/updated?subscription=second" },
      ],
      (request) => {
        const turn = queue.then(async () => {
          seen.push(headersOf(request));
          if (seen.length === 2) changeQuietly(order);
          const response = await deliverToApp(request);
          await sync.drain();
          return response;
        });
        queue = turn.then(() => undefined);
        return turn;
      },
    );
    await control(`orders/${order.id}/fulfil`);
    await settle();

    expect(seen).toHaveLength(2);
    expect(seen[0]?.eventId).toBe(seen[1]?.eventId);
    expect(seen[0]?.webhookId).not.toBe(seen[1]?.webhookId);
    expect(
      app.simulator.webhooks
        .deliveries(app.shop)
        .slice(-2)
        .map((d) => d.outcome),
    ).toEqual(["delivered", "delivered"]);
    expect(
      await db.webhookReceipt.count({
        where: { shop: app.shop, topic: "orders/updated", eventId: seen[0]?.eventId ?? "" },
      }),
    ).toBe(1);
    const row = await trackedRow(order);
    expect(row.unitsRemaining).toBe(0);
    expect(row.tags).not.toContain(QUIET_TAG);
  });

  it("a delivery without X-Shopify-Event-Id gets 400 and records nothing", async () => {
    const order = openOrder(used);
    const signed = signedWebhookRequest({
      url: `${TEST_APP.appUrl}/webhooks/orders/updated`,
      topic: "orders/updated",
      shop: app.shop,
      payload: { admin_graphql_api_id: toGid("Order", order.id) },
      apiSecret: TEST_APP.apiSecret,
    });
    const headers = new Headers(signed.headers);
    headers.delete("x-shopify-event-id");
    const receipts = await db.webhookReceipt.count();
    const response = await deliverToApp(
      new Request(signed.url, { method: "POST", headers, body: await signed.text() }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Missing X-Shopify-Event-Id header");
    expect(await db.webhookReceipt.count()).toBe(receipts);
  });
});
