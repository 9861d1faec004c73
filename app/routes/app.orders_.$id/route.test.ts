// Split shipments on the order page (issue 14 point 2), called as Remix calls the loader and action
// (a real session token and token exchange for the staff member, the real database, the
// simulator). Outcomes are read from the simulator's records and the app's rows. Shopify's
// behaviour relied on, and enforced by the simulator (simulator/resolvers/mutations/fulfillments.test.ts):
// - fulfillmentCreate fulfils the named FulfillmentOrderLineItem quantities, "If you don't specify
//   line items, then the mutation fulfills all items"
//   (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate);
// - it requires write_merchant_managed_fulfillment_orders and "The user must have
//   fulfill_and_ship_orders permission" (the 2026-10 schema's requiredAccess on the mutation);
// - an ON_HOLD fulfillment order "can't be initiated until the hold … is released"
//   (FulfillmentOrderStatus.ON_HOLD);
// - the order then reads PARTIALLY_FULFILLED, "Some of the items in the order have been
//   fulfilled" (OrderDisplayFulfillmentStatus).
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { holdFulfillmentOrder } from "@delay-desk/simulator/store/fulfillment-holds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import {
  callRoute,
  startAppUnderTest,
  type AppUnderTest,
} from "../../../tests/support/app-under-test";
import { insertTrackedOrders, trackedOrdersFromStore } from "../../../tests/support/factories";
import { noticeItems, renderNotice } from "../../notices/render-notice";
import { customerTexts } from "../../locale/customer-texts";

let app: AppUnderTest;
let db: PrismaClient;

beforeAll(async () => {
  app = await startAppUnderTest({ orders: 120, seed: 7 });
  db = (await import("../../db.server")).default;
});
beforeEach(async () => {
  await app.storeOfflineSession();
  const store = app.simulator.stores.get(app.shop);
  if (!store) throw new Error("no simulated shop");
  await insertTrackedOrders(db, trackedOrdersFromStore(store));
});
afterAll(async () => {
  await db.$disconnect();
  await app.close();
});

const used = new Set<number>();
/** An open, unfulfilled order whose one fulfillment order has two lines or more. */
function twoLineOrder(): OrderRecord {
  const order = app.simulator.stores
    .get(app.shop)
    ?.orders.find(
      (o) =>
        !used.has(o.id) &&
        o.cancelledAt === null &&
        o.fulfillmentStatus === "UNFULFILLED" &&
        o.fulfillmentOrders.length === 1 &&
        o.fulfillmentOrders[0]?.status === "OPEN" &&
        (o.fulfillmentOrders[0]?.lineItems.length ?? 0) >= 2,
    );
  if (!order) throw new Error("the seeded shop has too few two-line open orders");
  used.add(order.id);
  return order;
}

function post(order: OrderRecord, fields: [string, string][]) {
  return app.bearerRequest(`/app/orders/${order.id}`, {
    method: "POST",
    body: new URLSearchParams(fields),
  });
}

/** The form as the page posts it, the first line ticked with `quantity` units. */
function shipFirstLine(
  order: OrderRecord,
  intent: "review" | "ship",
  quantity?: number,
): [string, string][] {
  const fields: [string, string][] = [["intent", intent]];
  for (const [i, item] of order.lineItems.entries()) {
    fields.push([`lines.${i}.lineItemId`, `gid://shopify/LineItem/${item.id}`]);
    fields.push([`lines.${i}.seen`, String(item.quantity - item.fulfilledQuantity)]);
    fields.push([`lines.${i}.quantity`, String(i === 0 ? (quantity ?? item.quantity) : 1)]);
    if (i === 0) fields.push([`lines.${i}.ready`, "on"]);
  }
  fields.push(["trackingNumber", "1Z999AA10123456784"], ["trackingCompany", "UPS"]);
  return fields;
}

const params = (order: OrderRecord) => ({ id: String(order.id) });

describe("the order page's Ready to ship section", () => {
  it("reviews (nothing ships), then ships the ticked line: Shopify's FO keeps the rest, the order is PARTIALLY_FULFILLED, the timeline and the order row say so", async () => {
    const order = twoLineOrder();
    const fo = order.fulfillmentOrders[0];
    const [ready, waiting] = order.lineItems;
    if (!fo || !ready || !waiting) throw new Error("fixture");
    const { loader, action } = await import("./route");
    const loaded = await callRoute(
      loader,
      app.bearerRequest(`/app/orders/${order.id}`),
      params(order),
    );
    expect(
      loaded.readyLines.map((line) => [line.lineItemId, line.remaining, line.shippableNow]),
    ).toEqual(
      order.lineItems.map((item) => [
        `gid://shopify/LineItem/${item.id}`,
        item.quantity,
        item.quantity,
      ]),
    );

    const review = await callRoute(
      action,
      post(order, shipFirstLine(order, "review")),
      params(order),
    );
    expect(review.status).toBe(200);
    expect(await review.json()).toMatchObject({
      stage: "review",
      shipped: [{ quantity: ready.quantity }],
      stillComing: [{ quantity: waiting.quantity }],
    });
    // A review ships nothing.
    expect(order.fulfillments ?? []).toEqual([]);
    expect(fo.status).toBe("OPEN");

    const shipped = await callRoute(
      action,
      post(order, shipFirstLine(order, "ship")),
      params(order),
    );
    expect(shipped.status).toBe(200);
    expect(await shipped.json()).toMatchObject({ stage: "shipped" });
    // Shopify's records: the ticked line fulfilled with its tracking, the other still waiting.
    expect(order.fulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    expect(fo.status).toBe("IN_PROGRESS");
    expect(ready.fulfilledQuantity).toBe(ready.quantity);
    expect(waiting.fulfilledQuantity).toBe(0);
    expect(order.fulfillments?.map((f) => [f.lineItems, f.trackingInfo[0]?.number])).toEqual([
      [[{ lineItemId: ready.id, quantity: ready.quantity }], "1Z999AA10123456784"],
    ]);
    // Delay Desk's records: the timeline event, by whom, and the order row counting only what waits.
    const events = await db.orderEvent.findMany({
      where: { shop: app.shop, orderId: `gid://shopify/Order/${order.id}`, kind: "split_shipment" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: "1", actorName: "Dawn Rivera" });
    const row = await db.trackedOrder.findUniqueOrThrow({
      where: { shop_id: { shop: app.shop, id: `gid://shopify/Order/${order.id}` } },
    });
    expect(row.displayFulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    const waitingUnits = order.lineItems.slice(1).reduce((sum, item) => sum + item.quantity, 0);
    expect(row.unitsRemaining).toBe(waitingUnits);
    // Still in the backlog (something waits), so it keeps its forecast and its notices.
    expect(row.delayClass).not.toBe("done");
    const after = await callRoute(
      loader,
      app.bearerRequest(`/app/orders/${order.id}`),
      params(order),
    );
    expect(after.entries.some((entry) => entry.kind === "split_shipment")).toBe(true);
    expect(after.displayFulfillmentStatus).toBe("PARTIALLY_FULFILLED");

    // The next notice, rendered from the stored row, says what shipped and what is still coming.
    const items = noticeItems(row.lineItems);
    const notice = renderNotice({
      template: {
        subject: "About {{order_name}}",
        body: "Your {{items}} ships {{estimate}}.",
        reason: "",
      },
      order: { name: order.name, customerFirstName: "Ann", items },
      range: { from: "2026-12-20", to: "2026-12-22" },
      today: "2026-12-10",
      sender: { name: "Dawn", role: null, shopName: "Oak & Hide" },
      links: { wait: "https://w", cancel: "https://c" },
    });
    const texts = customerTexts("en");
    expect(notice.text).toContain(
      texts.partShipped(
        ready.quantity === 1 ? ready.title : `${ready.quantity} × ${ready.title}`,
        order.lineItems
          .slice(1)
          .map((item) => (item.quantity === 1 ? item.title : `${item.quantity} × ${item.title}`))
          .join(", "),
      ),
    );
  });

  it("refuses the same confirmed form a second time (409): the units are not shipped twice", async () => {
    const order = twoLineOrder();
    const { action } = await import("./route");
    const first = await callRoute(
      action,
      post(order, shipFirstLine(order, "ship", 1)),
      params(order),
    );
    expect(first.status).toBe(200);
    // The form still says what staff saw before the first shipment.
    const fields = shipFirstLine(order, "ship", 1).map(([key, value]): [string, string] =>
      key === "lines.0.seen" ? [key, String(order.lineItems[0]?.quantity ?? 0)] : [key, value],
    );
    const again = await callRoute(action, post(order, fields), params(order));
    expect(again.status).toBe(409);
    expect(order.fulfillments).toHaveLength(1);
  });

  it("answers more units than are left with a 400 and the values as typed, and ships nothing", async () => {
    const order = twoLineOrder();
    const { action } = await import("./route");
    const first = order.lineItems[0];
    if (!first) throw new Error("fixture");
    const response = await callRoute(
      action,
      post(order, shipFirstLine(order, "ship", first.quantity + 1)),
      params(order),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({
      stage: "refused",
      errors: { "lines.0.quantity": `At most ${first.quantity}` },
      values: { trackingNumber: "1Z999AA10123456784" },
    });
    expect(order.fulfillments ?? []).toEqual([]);
    expect(order.fulfillmentStatus).toBe("UNFULFILLED");
  });

  it("refuses to ship a line whose fulfillment order is on hold in Shopify, and ships nothing", async () => {
    const order = twoLineOrder();
    const fo = order.fulfillmentOrders[0];
    const store = app.simulator.stores.get(app.shop);
    if (!fo || !store) throw new Error("fixture");
    holdFulfillmentOrder(store, fo.id, { reason: "OTHER", reasonNotes: null, handle: "merchant" });
    const { action } = await import("./route");
    const response = await callRoute(
      action,
      post(order, shipFirstLine(order, "ship")),
      params(order),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/on hold/) });
    expect(order.fulfillments ?? []).toEqual([]);
  });

  it("refuses a staff member Shopify does not let fulfil (403), and ships nothing", async () => {
    const order = twoLineOrder();
    const { shipReadyLines } = await import("../../fulfillment/ship-ready.server");
    const { AdminClient } = await import("../../admin-api/graphql.server");
    const { backgroundAdmin } = await import("../../shopify.server");
    const admin = new AdminClient(backgroundAdmin(app.shop));
    const item = order.lineItems[0];
    if (!item) throw new Error("fixture");
    const request = {
      lines: [
        {
          lineItemId: `gid://shopify/LineItem/${item.id}`,
          quantity: 1,
          seenRemaining: item.quantity,
        },
      ],
      tracking: { number: null, company: null },
      notifyCustomer: false,
    };
    const support = {
      id: "3",
      name: "Priya Shah",
      accountOwner: false,
      collaborator: false,
      scopes: ["read_orders", "read_merchant_managed_fulfillment_orders"],
    };
    for (const staff of [support, null]) {
      const result = await shipReadyLines(db, admin, {
        shop: app.shop,
        orderId: `gid://shopify/Order/${order.id}`,
        request,
        staff,
      });
      expect(result).toMatchObject({ ok: false, status: 403 });
    }
    expect(order.fulfillments ?? []).toEqual([]);
    expect(await db.orderEvent.count({ where: { shop: app.shop, kind: "split_shipment" } })).toBe(
      0,
    );
  });
});
