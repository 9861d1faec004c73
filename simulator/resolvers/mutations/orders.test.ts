// orderCancel end to end: an unfulfilled order is cancelled, refunded in full and restocked; the
// job is polled to done; fulfilled and already-cancelled orders are user errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGid } from "../../gid";
import type { RunningSimulator } from "../../index";
import {
  SHOP,
  startRemedySimulator,
  unfulfilledPaidOrders,
} from "../../../tests/support/remedy-simulator";

let sim: RunningSimulator;
let gql: Awaited<ReturnType<typeof startRemedySimulator>>["gql"];
beforeAll(async () => {
  ({ sim, gql } = await startRemedySimulator());
});
afterAll(async () => {
  await sim?.close();
});

const CANCEL = `mutation Cancel($id: ID!, $restock: Boolean!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: $restock, refundMethod: { originalPaymentMethodsRefund: true }, notifyCustomer: true, staffNote: "Customer chose not to wait") {
  job { id done } orderCancelUserErrors { field message code } } }`;
const READ = `query Read($id: ID!) { order(id: $id) { cancelledAt cancelReason closed displayFinancialStatus totalRefundedSet { shopMoney { amount } } refunds { id } } }`;

describe("orderCancel", () => {
  it("cancels, refunds in full and restocks an unfulfilled order; the job polls to done", async () => {
    const order = unfulfilledPaidOrders(sim)[0];
    if (!order) throw new Error("no order");
    const variant = sim.stores.get(SHOP)?.variant(order.lineItems[0]?.variantId ?? 0);
    const before = variant?.inventoryQuantity ?? 0;
    const result = await gql(CANCEL, { id: toGid("Order", order.id), restock: true });
    expect(result.errors).toBeUndefined();
    expect(result.extensions.cost.requestedQueryCost).toBe(10);
    const payload = result.data.orderCancel;
    expect(payload.orderCancelUserErrors).toEqual([]);
    expect(payload.job).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/Job\/\d+$/),
      done: false,
    });
    const polled = await gql(`query Job($id: ID!) { job(id: $id) { id done } }`, {
      id: payload.job.id,
    });
    expect(polled.data.job).toEqual({ id: payload.job.id, done: true });
    const read = await gql(READ, { id: toGid("Order", order.id) });
    expect(read.data.order).toMatchObject({
      cancelReason: "CUSTOMER",
      closed: true,
      displayFinancialStatus: "REFUNDED",
      totalRefundedSet: { shopMoney: { amount: (order.totalCents / 100).toFixed(2) } },
    });
    expect(read.data.order.cancelledAt).toEqual(expect.any(String));
    expect(read.data.order.refunds).toHaveLength(1);
    expect(variant?.inventoryQuantity).toBe(before + (order.lineItems[0]?.quantity ?? 0));
    expect(order.fulfillmentOrders.every((fo) => fo.status === "CLOSED")).toBe(true);

    const again = await gql(CANCEL, { id: toGid("Order", order.id), restock: true });
    expect(again.data.orderCancel).toEqual({
      job: null,
      orderCancelUserErrors: [
        { field: ["orderId"], message: "Order has already been cancelled", code: "INVALID" },
      ],
    });
  });

  it("refuses a fulfilled order and changes nothing", async () => {
    const order = sim.stores
      .get(SHOP)
      ?.orders.find(
        (candidate) =>
          candidate.fulfillmentStatus === "FULFILLED" && candidate.cancelledAt === null,
      );
    if (!order) throw new Error("no fulfilled order");
    const result = await gql(CANCEL, { id: toGid("Order", order.id), restock: false });
    expect(result.data.orderCancel.orderCancelUserErrors).toEqual([
      {
        field: ["orderId"],
        message: "Cannot cancel an order with fulfilled line items",
        code: "INVALID",
      },
    ]);
    expect(order.cancelledAt).toBeNull();
  });

  it("answers NOT_FOUND for an unknown order", async () => {
    const result = await gql(CANCEL, { id: toGid("Order", 1), restock: false });
    expect(result.data.orderCancel.orderCancelUserErrors).toEqual([
      { field: ["orderId"], message: "Order not found", code: "NOT_FOUND" },
    ]);
  });
});
