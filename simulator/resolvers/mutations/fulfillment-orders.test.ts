// Fulfillment holds and deadlines end to end through the GraphQL endpoint, asserted in the
// simulator's store and in the webhooks it sends. Shopify's words this holds the simulator to:
// - fulfillmentOrderHold / fulfillmentOrderReleaseHold / fulfillmentOrdersSetFulfillmentDeadline
//   arguments, payloads, error codes and required scopes: the 2026-10 schema
//   (graphql/admin-2026-10.schema.json) and
//   https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrdersSetFulfillmentDeadline
//   ("Requires `write_merchant_managed_fulfillment_orders` access scope, …").
// - Multiple holds with handles, at most 10 per app: the fulfillmentOrderHold description
//   (https://shopify.dev/changelog/apply-multiple-holds-to-a-single-fulfillment-order).
// - ON_HOLD "can't be initiated until the hold … is released" (FulfillmentOrderStatus.ON_HOLD);
//   release "changes the status of the fulfillment order to OPEN or SCHEDULED"
//   (https://shopify.dev/docs/api/admin-rest/2023-01/resources/fulfillmentorder, release_hold).
// - Webhooks: fulfillment_orders/placed_on_hold "only … once when the first hold is applied",
//   fulfillment_orders/hold_released "once when the last hold is released" (WebhookSubscriptionTopic
//   in the schema). No topic exists for a deadline change.
// - orderCancel's conditions ("hasn't already been cancelled", "no pending payment authorizations",
//   "no active returns", "no outstanding fulfillments that can't be cancelled") do not name holds,
//   so a held order cancels (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { toGid } from "../../gid";
import type { RunningSimulator } from "../../index";
import { OrderChangeError, fulfilOrder } from "../../store/order-mutations";
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
    orders: 40,
    seed: 5,
    topics: ["fulfillment_orders/placed_on_hold", "fulfillment_orders/hold_released"],
  }));
});
afterAll(async () => {
  await sim?.close();
});

function openOrders(): OrderRecord[] {
  return (sim.stores.get(SHOP)?.orders ?? []).filter(
    (order) =>
      order.cancelledAt === null &&
      order.financialStatus === "PAID" &&
      order.fulfillmentStatus === "UNFULFILLED" &&
      order.fulfillmentOrders.length > 0 &&
      order.fulfillmentOrders.every((fo) => fo.status === "OPEN"),
  );
}

const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
    fulfillmentHold { id reason reasonNotes handle heldByRequestingApp }
    fulfillmentOrder { id status }
    userErrors { field message code }
  } }`;
const RELEASE = `mutation Release($id: ID!, $holdIds: [ID!]) {
  fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {
    fulfillmentOrder { id status fulfillmentHolds { id } }
    userErrors { field message code }
  } }`;
const DEADLINE = `mutation Deadline($at: DateTime!, $ids: [ID!]!) {
  fulfillmentOrdersSetFulfillmentDeadline(fulfillmentDeadline: $at, fulfillmentOrderIds: $ids) {
    success userErrors { field message code }
  } }`;

describe("fulfillmentOrderHold / fulfillmentOrderReleaseHold", () => {
  it("puts an open fulfillment order ON_HOLD with the reason and note, and releases it to OPEN", async () => {
    const order = openOrders()[0];
    const fo = order?.fulfillmentOrders[0];
    if (!order || !fo) throw new Error("seed has no open order");
    const id = toGid("FulfillmentOrder", fo.id);
    received.length = 0;
    const held = await gql(HOLD, {
      id,
      hold: { reason: "OTHER", reasonNotes: "Refund pending", handle: "delay-desk" },
    });
    expect(held.errors).toBeUndefined();
    expect(held.data?.fulfillmentOrderHold).toMatchObject({
      fulfillmentHold: { reason: "OTHER", reasonNotes: "Refund pending", handle: "delay-desk" },
      fulfillmentOrder: { id, status: "ON_HOLD" },
      userErrors: [],
    });
    expect(fo.status).toBe("ON_HOLD");
    // OrderDisplayFulfillmentStatus.ON_HOLD: "All of the unfulfilled items in this order are on hold."
    const display = await gql(`query O($id: ID!) { order(id: $id) { displayFulfillmentStatus } }`, {
      id: toGid("Order", order.id),
    });
    expect(display.data?.order).toEqual({ displayFulfillmentStatus: "ON_HOLD" });
    expect(fo.holds?.map((hold) => [hold.reason, hold.reasonNotes])).toEqual([
      ["OTHER", "Refund pending"],
    ]);
    // Nobody ships a held order.
    expect(() => fulfilOrder(sim.stores.get(SHOP) ?? never(), order.id)).toThrow(OrderChangeError);

    // A second hold with another handle: still ON_HOLD, no second placed_on_hold.
    const second = await gql(HOLD, { id, hold: { reason: "OTHER", handle: "other" } });
    const secondHoldId = z.string().parse(second.data?.fulfillmentOrderHold.fulfillmentHold.id);
    const sameHandle = await gql(HOLD, { id, hold: { reason: "OTHER", handle: "delay-desk" } });
    expect(sameHandle.data?.fulfillmentOrderHold.userErrors).toEqual([
      expect.objectContaining({ code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" }),
    ]);
    await sim.webhooks.whenIdle();
    expect(received.map((r) => r.topic)).toEqual(["fulfillment_orders/placed_on_hold"]);
    expect(received[0]?.body).toMatchObject({
      fulfillment_order: { id, status: "on_hold" },
      fulfillment_hold: { reason: "other", reason_notes: "Refund pending" },
    });

    // Releasing one of two holds keeps it ON_HOLD; releasing the last returns it to OPEN.
    const partial = await gql(RELEASE, { id, holdIds: [secondHoldId] });
    expect(partial.data?.fulfillmentOrderReleaseHold.fulfillmentOrder.status).toBe("ON_HOLD");
    const released = await gql(RELEASE, { id, holdIds: null });
    expect(released.data?.fulfillmentOrderReleaseHold).toEqual({
      fulfillmentOrder: { id, status: "OPEN", fulfillmentHolds: [] },
      userErrors: [],
    });
    expect(fo.status).toBe("OPEN");
    await sim.webhooks.whenIdle();
    expect(received.map((r) => r.topic)).toEqual([
      "fulfillment_orders/placed_on_hold",
      "fulfillment_orders/hold_released",
    ]);
    expect(received[1]?.body).toEqual({ fulfillment_order: { id, status: "open" } });

    const again = await gql(RELEASE, { id });
    expect(again.data?.fulfillmentOrderReleaseHold.userErrors).toEqual([
      { field: ["id"], message: "The fulfillment order is not on hold.", code: null },
    ]);
  });

  it("refuses a hold on a closed fulfillment order and changes nothing", async () => {
    const store = sim.stores.get(SHOP) ?? never();
    const shipped = store.orders.find((order) =>
      order.fulfillmentOrders.some((fo) => fo.status === "CLOSED"),
    );
    const fo = shipped?.fulfillmentOrders.find((candidate) => candidate.status === "CLOSED");
    if (!fo) throw new Error("seed has no closed fulfillment order");
    const answer = await gql(HOLD, {
      id: toGid("FulfillmentOrder", fo.id),
      hold: { reason: "OTHER" },
    });
    expect(answer.data?.fulfillmentOrderHold).toMatchObject({
      fulfillmentHold: null,
      userErrors: [{ field: ["id"], code: null }],
    });
    expect(fo.status).toBe("CLOSED");
    expect(fo.holds ?? []).toEqual([]);
    const unknown = await gql(HOLD, {
      id: "gid://shopify/FulfillmentOrder/1",
      hold: { reason: "OTHER" },
    });
    expect(unknown.data?.fulfillmentOrderHold.userErrors).toEqual([
      {
        field: ["id"],
        message: "The fulfillment order could not be found.",
        code: "FULFILLMENT_ORDER_NOT_FOUND",
      },
    ]);
  });

  it("needs write_merchant_managed_fulfillment_orders: read access alone is ACCESS_DENIED", async () => {
    const fo = openOrders()[1]?.fulfillmentOrders[0];
    if (!fo) throw new Error("no open order");
    const answer = await gql(
      HOLD,
      { id: toGid("FulfillmentOrder", fo.id), hold: { reason: "OTHER" } },
      "read_all_orders,write_orders,read_merchant_managed_fulfillment_orders",
    );
    expect(answer.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    expect(fo.status).toBe("OPEN");
  });

  it("lets orderCancel cancel an order whose fulfillment order is on hold, closing it", async () => {
    const order = openOrders()[2];
    const fo = order?.fulfillmentOrders[0];
    if (!order || !fo) throw new Error("no open order");
    await gql(HOLD, { id: toGid("FulfillmentOrder", fo.id), hold: { reason: "OTHER" } });
    expect(fo.status).toBe("ON_HOLD");
    const cancelled = await gql(
      `mutation C($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true, refundMethod: { originalPaymentMethodsRefund: true }) { orderCancelUserErrors { code } } }`,
      { id: toGid("Order", order.id) },
    );
    expect(cancelled.data?.orderCancel.orderCancelUserErrors).toEqual([]);
    expect(order.cancelledAt).not.toBeNull();
    expect(fo.status).toBe("CLOSED");
    expect(fo.holds ?? []).toEqual([]);
  });
});

describe("fulfillmentOrdersSetFulfillmentDeadline", () => {
  it("moves fulfillBy on every fulfillment order named, readable back through the API", async () => {
    const order = openOrders()[3];
    const fo = order?.fulfillmentOrders[0];
    if (!order || !fo) throw new Error("no open order");
    const id = toGid("FulfillmentOrder", fo.id);
    const answer = await gql(DEADLINE, { at: "2027-01-15T23:59:59Z", ids: [id] });
    expect(answer.data?.fulfillmentOrdersSetFulfillmentDeadline).toEqual({
      success: true,
      userErrors: [],
    });
    expect(fo.fulfillBy).toBe(Date.parse("2027-01-15T23:59:59Z"));
    const read = await gql(`query R($id: ID!) { fulfillmentOrder(id: $id) { fulfillBy } }`, {
      id,
    });
    expect(read.data?.fulfillmentOrder).toEqual({ fulfillBy: "2027-01-15T23:59:59Z" });
  });

  it("refuses the whole call when one id is unknown, changing no deadline", async () => {
    const fo = openOrders()[4]?.fulfillmentOrders[0];
    if (!fo) throw new Error("no open order");
    const before = fo.fulfillBy;
    const answer = await gql(DEADLINE, {
      at: "2027-02-01T00:00:00Z",
      ids: [toGid("FulfillmentOrder", fo.id), "gid://shopify/FulfillmentOrder/1"],
    });
    expect(answer.data?.fulfillmentOrdersSetFulfillmentDeadline).toEqual({
      success: false,
      userErrors: [
        {
          field: ["fulfillmentOrderIds"],
          message: "The fulfillment orders could not be found.",
          code: "FULFILLMENT_ORDERS_NOT_FOUND",
        },
      ],
    });
    expect(fo.fulfillBy).toBe(before);
  });
});

function never(): never {
  throw new Error("missing store");
}
