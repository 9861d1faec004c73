// fulfillmentCreate for part of a fulfillment order, end to end through the GraphQL endpoint,
// asserted in the simulator's store and the webhooks it sends. Shopify's words this holds the
// simulator to (2026-10 schema, graphql/admin-2026-10.schema.json, and
// https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentCreate):
// - "which FulfillmentOrderLineItem objects to fulfill from each fulfillment order. If you don't
//   specify line items, then the mutation fulfills all items in the fulfillment order."
// - "The fulfillment orders are associated with the same Order and are assigned to the same Location."
// - Requires `write_merchant_managed_fulfillment_orders` (or the assigned / third-party scopes).
// - FulfillmentOrderStatus.ON_HOLD: "The fulfillment process can't be initiated until the hold …
//   is released."
// - A fulfillment order taken into work is IN_PROGRESS (FulfillmentOrderAssignedLocation); a
//   partially fulfilled one keeps its remaining quantities (fulfillmentCancel's description);
//   CLOSED: "completed and closed" (FulfillmentOrderStatus).
// - OrderDisplayFulfillmentStatus.PARTIALLY_FULFILLED: "Some of the items in the order have been
//   fulfilled."; webhook topics orders/partially_fulfilled, orders/fulfilled, orders/updated
//   (WebhookSubscriptionTopic).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGid } from "../../gid";
import type { RunningSimulator } from "../../index";
import type { OrderRecord } from "../../store/records";
import {
  SHOP,
  startFulfillmentSimulator,
  type FulfillmentSimulator,
} from "../../../tests/support/fulfillment-simulator";

let sim: RunningSimulator;
let gql: FulfillmentSimulator["gql"];
let received: FulfillmentSimulator["received"];

beforeAll(async () => {
  ({ sim, gql, received } = await startFulfillmentSimulator({
    orders: 80,
    seed: 7,
    topics: ["orders/partially_fulfilled", "orders/fulfilled", "orders/updated"],
  }));
});
afterAll(async () => {
  await sim?.close();
});

/** Open, unfulfilled orders whose one fulfillment order has two or more lines. */
function multiLineOrders(): OrderRecord[] {
  return (sim.stores.get(SHOP)?.orders ?? []).filter(
    (order) =>
      order.cancelledAt === null &&
      order.fulfillmentStatus === "UNFULFILLED" &&
      order.fulfillmentOrders.length === 1 &&
      order.fulfillmentOrders[0]?.status === "OPEN" &&
      (order.fulfillmentOrders[0]?.lineItems.length ?? 0) >= 2,
  );
}

const CREATE = `mutation Ship($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment {
      id status totalQuantity
      trackingInfo { company number url }
      fulfillmentLineItems(first: 10) { nodes { quantity lineItem { id } } }
    }
    userErrors { field message }
  } }`;
const ORDER = `query O($id: ID!) { order(id: $id) {
  displayFulfillmentStatus
  lineItems(first: 10) { nodes { id unfulfilledQuantity } }
  fulfillmentOrders(first: 5) { nodes { id status supportedActions { action }
    lineItems(first: 10) { nodes { id remainingQuantity } } } }
  fulfillments(first: 5) { id totalQuantity }
} }`;

function never(): never {
  throw new Error("missing fixture");
}

describe("fulfillmentCreate on part of a fulfillment order", () => {
  it("ships the named line, leaves the rest waiting: FO IN_PROGRESS, order PARTIALLY_FULFILLED, webhooks sent", async () => {
    const order = multiLineOrders()[0] ?? never();
    const fo = order.fulfillmentOrders[0] ?? never();
    const [ready, waiting] = fo.lineItems;
    if (!ready || !waiting) never();
    received.length = 0;
    const answer = await gql(CREATE, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: toGid("FulfillmentOrder", fo.id),
            fulfillmentOrderLineItems: [
              {
                id: toGid("FulfillmentOrderLineItem", ready.id),
                quantity: ready.remainingQuantity,
              },
            ],
          },
        ],
        trackingInfo: { company: "UPS", number: "1Z999" },
      },
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.fulfillmentCreate).toMatchObject({
      fulfillment: {
        status: "SUCCESS",
        totalQuantity: ready.totalQuantity,
        trackingInfo: [{ company: "UPS", number: "1Z999", url: null }],
        fulfillmentLineItems: {
          nodes: [
            {
              quantity: ready.totalQuantity,
              lineItem: { id: toGid("LineItem", ready.lineItemId) },
            },
          ],
        },
      },
      userErrors: [],
    });
    // The store: the shipped line has nothing left, the waiting one all of it.
    expect(ready.remainingQuantity).toBe(0);
    expect(waiting.remainingQuantity).toBe(waiting.totalQuantity);
    expect(fo.status).toBe("IN_PROGRESS");
    expect(order.fulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    const read = await gql(ORDER, { id: toGid("Order", order.id) });
    expect(read.data?.order.displayFulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    expect(read.data?.order.fulfillmentOrders.nodes[0]).toMatchObject({
      status: "IN_PROGRESS",
      supportedActions: expect.arrayContaining([{ action: "CREATE_FULFILLMENT" }]),
    });
    expect(read.data?.order.fulfillments).toHaveLength(1);
    await sim.webhooks.whenIdle();
    expect(received.map((r) => r.topic).sort()).toEqual([
      "orders/partially_fulfilled",
      "orders/updated",
    ]);
    expect(received[0]?.body).toMatchObject({ fulfillment_status: "partial" });

    // Shipping the rest (no line items named: "fulfills all items") closes FO and order.
    const rest = await gql(CREATE, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: toGid("FulfillmentOrder", fo.id) }],
      },
    });
    expect(rest.data?.fulfillmentCreate.userErrors).toEqual([]);
    expect(fo.status).toBe("CLOSED");
    expect(order.fulfillmentStatus).toBe("FULFILLED");
    expect(order.lineItems.every((item) => item.fulfilledQuantity === item.quantity)).toBe(true);
  });

  it("refuses more than the remaining quantity, zero, and a line of another fulfillment order, changing nothing", async () => {
    const [order, other] = multiLineOrders();
    const fo = order?.fulfillmentOrders[0] ?? never();
    const line = fo.lineItems[0] ?? never();
    const foreign = other?.fulfillmentOrders[0]?.lineItems[0] ?? never();
    const ship = (id: number, quantity: number) =>
      gql(CREATE, {
        fulfillment: {
          lineItemsByFulfillmentOrder: [
            {
              fulfillmentOrderId: toGid("FulfillmentOrder", fo.id),
              fulfillmentOrderLineItems: [{ id: toGid("FulfillmentOrderLineItem", id), quantity }],
            },
          ],
        },
      });
    const tooMany = await ship(line.id, line.remainingQuantity + 1);
    expect(tooMany.data?.fulfillmentCreate).toEqual({
      fulfillment: null,
      userErrors: [
        {
          // As live answers captured in public code show it (simulator/README.md).
          field: ["fulfillment"],
          message: "Invalid fulfillment order line item quantity requested.",
        },
      ],
    });
    const zero = await ship(line.id, 0);
    expect(zero.data?.fulfillmentCreate.userErrors).toHaveLength(1);
    const elsewhere = await ship(foreign.id, 1);
    expect(elsewhere.data?.fulfillmentCreate.userErrors[0]?.message).toMatch(/does not belong/);
    expect(line.remainingQuantity).toBe(line.totalQuantity);
    expect(fo.status).toBe("OPEN");
    expect(order?.fulfillmentStatus).toBe("UNFULFILLED");
    expect(order?.fulfillments ?? []).toEqual([]);
  });

  it("refuses a fulfillment order that is ON_HOLD: nothing ships until the hold is released", async () => {
    const order = multiLineOrders()[2] ?? never();
    const fo = order.fulfillmentOrders[0] ?? never();
    const held = await gql(
      `mutation H($id: ID!) { fulfillmentOrderHold(id: $id, fulfillmentHold: { reason: OTHER, handle: "t" }) { userErrors { message } } }`,
      { id: toGid("FulfillmentOrder", fo.id) },
    );
    expect(held.data?.fulfillmentOrderHold.userErrors).toEqual([]);
    const answer = await gql(CREATE, {
      fulfillment: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: toGid("FulfillmentOrder", fo.id) }],
      },
    });
    expect(answer.data?.fulfillmentCreate.userErrors).toEqual([
      {
        field: ["fulfillment"],
        message: `Fulfillment order ${fo.id} has an unfulfillable status= on_hold.`,
      },
    ]);
    expect(fo.lineItems.every((line) => line.remainingQuantity === line.totalQuantity)).toBe(true);
    expect(order.fulfillmentStatus).toBe("UNFULFILLED");
  });

  it("needs a fulfillment-order write scope: read_all_orders and write_orders alone are ACCESS_DENIED", async () => {
    const order = multiLineOrders()[3] ?? never();
    const fo = order.fulfillmentOrders[0] ?? never();
    const answer = await gql(
      CREATE,
      {
        fulfillment: {
          lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: toGid("FulfillmentOrder", fo.id) }],
        },
      },
      "read_all_orders,write_orders",
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    expect(fo.status).toBe("OPEN");
  });
});
