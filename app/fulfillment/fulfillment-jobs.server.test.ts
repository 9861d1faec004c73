// The truth in Shopify itself, through real jobs, the runner and the app's backgroundAdmin against
// the simulator; outcomes are read from the simulator's records (fulfillment order status, holds,
// fulfillBy) and the app's database. Shopify's behaviour relied on (and enforced by the simulator,
// simulator/resolvers/mutations/fulfillment-orders.test.ts):
// - fulfillmentOrderHold puts the FO ON_HOLD, whose "fulfillment process can't be initiated until
//   the hold … is released" (FulfillmentOrderStatus.ON_HOLD, admin 2026-10 schema);
// - fulfillmentOrderReleaseHold with `holdIds` releases only those ("It is highly recommended that
//   apps supply the ids of the holds that they intend to release", the argument's description);
// - orderCancel's conditions do not name holds, so a held order cancels
//   (https://shopify.dev/docs/api/admin-graphql/latest/mutations/orderCancel);
// - fulfillmentOrdersSetFulfillmentDeadline "Sets the latest date and time by which the fulfillment
//   orders need to be fulfilled" (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrdersSetFulfillmentDeadline).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdFulfillmentOrder } from "@delay-desk/simulator/store/fulfillment-holds";
import { createFulfillment } from "@delay-desk/simulator/store/fulfillments";
import { fulfilOrder } from "@delay-desk/simulator/store/order-mutations";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { parseLocalDate } from "../promise/local-date";
import { queueCancelRefund, recordChoice } from "../proxy/record-choice.server";
import {
  FULFILLMENT_KINDS,
  fulfillmentJobKinds,
  holdWhileCancellationPending,
  moveLateDeadlines,
} from "./fulfillment-jobs.server";
import { HOLD_HANDLE, HOLD_NOTES, deadlineInstant } from "./fulfillment-truth";

let h: JobHarness;
beforeAll(async () => {
  h = await startJobHarness({ orders: 60, seed: 17, plan: "PLUS" });
  const kinds = fulfillmentJobKinds(h.db);
  h.registry.register(kinds.deadline).register(kinds.hold).register(kinds.release);
});
afterAll(async () => {
  await h.close();
});

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;
const used = new Set<number>();
function freshOrder(also: (order: OrderRecord) => boolean = () => true): OrderRecord {
  const order = h.store.orders.find(
    (o) =>
      also(o) &&
      !used.has(o.id) &&
      o.cancelledAt === null &&
      o.financialStatus === "PAID" &&
      o.fulfillmentStatus === "UNFULFILLED" &&
      o.fulfillmentOrders.length > 0 &&
      o.fulfillmentOrders.every((fo) => fo.status === "OPEN"),
  );
  if (!order) throw new Error("the seeded shop has too few open paid orders");
  used.add(order.id);
  return order;
}

async function itemsOf(kind: string, orderId: string) {
  const jobs = await h.db.job.findMany({ where: { shop: h.app.shop, kind } });
  return h.db.jobItem.findMany({
    where: { shop: h.app.shop, orderId, jobId: { in: jobs.map((job) => job.id) } },
  });
}

describe("fulfillment holds while a cancellation is pending", () => {
  it("a refund choice holds the order in Shopify first (reason OTHER, a note), then the cancel-and-refund job cancels the held order", async () => {
    const order = freshOrder();
    const topics: string[] = [];
    const stop = h.store.onChange((event) => {
      if (event.topic.startsWith("fulfillment_orders/") || event.topic === "orders/cancelled")
        topics.push(event.topic);
    });
    const result = await recordChoice(h.db, {
      shop: h.app.shop,
      orderId: gid(order),
      noticeId: null,
      choice: "cancel",
    });
    expect(result).toMatchObject({ status: "recorded", choice: "cancel" });
    await runJobsToEnd(h.runner(), h.db);
    stop();
    // Held before the cancel: nobody could ship it in between.
    expect(topics).toEqual(["fulfillment_orders/placed_on_hold", "orders/cancelled"]);
    expect(order.cancelledAt).not.toBeNull();
    expect(order.financialStatus).toBe("REFUNDED");
    expect(order.fulfillmentOrders.every((fo) => fo.status === "CLOSED")).toBe(true);
    const [hold] = await itemsOf(FULFILLMENT_KINDS.hold, gid(order));
    expect(hold?.status).toBe("done");
    const [cancel] = await itemsOf("cancel_refund", gid(order));
    expect(cancel?.status).toBe("done");
  });

  it("places the hold with Shopify's reason and Delay Desk's note and handle, on every open fulfillment order", async () => {
    const order = freshOrder();
    await holdWhileCancellationPending(h.db, h.app.shop, gid(order), "consent_review", "system");
    await runJobsToEnd(h.runner(), h.db);
    for (const fo of order.fulfillmentOrders) {
      expect(fo.status).toBe("ON_HOLD");
      expect(fo.holds?.map((hold) => [hold.reason, hold.reasonNotes, hold.handle])).toEqual([
        ["OTHER", HOLD_NOTES.consent_review, HOLD_HANDLE],
      ]);
    }
    expect(() => fulfilOrder(h.store, order.id)).toThrow(/on hold/);
    const state = await h.db.orderFulfillmentState.findUnique({
      where: { shop_orderId: { shop: h.app.shop, orderId: gid(order) } },
    });
    expect(state?.pendingCancellation).toBe("consent_review");
    expect(JSON.parse(state?.holdIds ?? "[]")).toEqual(
      order.fulfillmentOrders.flatMap((fo) =>
        (fo.holds ?? []).map((hold) => `gid://shopify/FulfillmentHold/${hold.id}`),
      ),
    );

    // Running the hold again (a retry) places no second hold.
    const again = await holdWhileCancellationPending(
      h.db,
      h.app.shop,
      gid(order),
      "consent_review",
      "system",
    );
    expect(again).not.toBeNull();
    await runJobsToEnd(h.runner(), h.db);
    expect(order.fulfillmentOrders.every((fo) => fo.holds?.length === 1)).toBe(true);
  });

  it("releases only Delay Desk's hold when the customer chooses to wait, and the order can ship", async () => {
    const order = freshOrder();
    const fo = order.fulfillmentOrders[0];
    if (!fo) throw new Error("no fulfillment order");
    await holdWhileCancellationPending(h.db, h.app.shop, gid(order), "consent_review", "system");
    await runJobsToEnd(h.runner(), h.db);
    expect(fo.status).toBe("ON_HOLD");

    const result = await recordChoice(h.db, {
      shop: h.app.shop,
      orderId: gid(order),
      noticeId: null,
      choice: "wait",
    });
    expect(result).toMatchObject({ status: "recorded", choice: "wait" });
    await runJobsToEnd(h.runner(), h.db);
    expect(fo.status).toBe("OPEN");
    expect(fo.holds ?? []).toEqual([]);
    const [release] = await itemsOf(FULFILLMENT_KINDS.release, gid(order));
    expect(release?.status).toBe("done");
    expect(() => fulfilOrder(h.store, order.id)).not.toThrow();
  });

  it("leaves another hold on the fulfillment order in place when releasing its own", async () => {
    const order = freshOrder();
    const fo = order.fulfillmentOrders[0];
    if (!fo) throw new Error("no fulfillment order");
    await holdWhileCancellationPending(h.db, h.app.shop, gid(order), "consent_review", "system");
    await runJobsToEnd(h.runner(), h.db);
    // The merchant's own hold, placed in Shopify admin.
    const merchant = holdFulfillmentOrder(h.store, fo.id, {
      reason: "INCORRECT_ADDRESS",
      reasonNotes: null,
      handle: "merchant",
    });
    expect("hold" in merchant).toBe(true);
    await recordChoice(h.db, {
      shop: h.app.shop,
      orderId: gid(order),
      noticeId: null,
      choice: "wait",
    });
    await runJobsToEnd(h.runner(), h.db);
    expect(fo.status).toBe("ON_HOLD");
    expect(fo.holds?.map((hold) => hold.handle)).toEqual(["merchant"]);
  });

  it("a held order awaiting review, synced as ON_HOLD, can still be cancelled and refunded", async () => {
    const order = freshOrder();
    await holdWhileCancellationPending(h.db, h.app.shop, gid(order), "consent_review", "system");
    await runJobsToEnd(h.runner(), h.db);
    // What the order sync stores from Shopify's Order.displayFulfillmentStatus once it is held.
    await h.db.trackedOrder.update({
      where: { shop_id: { shop: h.app.shop, id: gid(order) } },
      data: { displayFulfillmentStatus: "ON_HOLD" },
    });
    const queued = await queueCancelRefund(h.db, h.app.shop, gid(order));
    expect("jobId" in queued).toBe(true);
    await runJobsToEnd(h.runner(), h.db);
    expect(order.cancelledAt).not.toBeNull();
    expect(order.financialStatus).toBe("REFUNDED");
  });

  it("a wait with no cancellation pending holds or releases nothing", async () => {
    const order = freshOrder();
    await recordChoice(h.db, {
      shop: h.app.shop,
      orderId: gid(order),
      noticeId: null,
      choice: "wait",
    });
    expect(await itemsOf(FULFILLMENT_KINDS.release, gid(order))).toEqual([]);
    expect(order.fulfillmentOrders.every((fo) => fo.status === "OPEN")).toBe(true);
  });
});

describe("late orders' deadlines in Shopify", () => {
  async function markLate(order: OrderRecord, conservativeShipDate: string) {
    await h.db.trackedOrder.update({
      where: { shop_id: { shop: h.app.shop, id: gid(order) } },
      data: { delayClass: "at_risk", conservativeShipDate },
    });
  }

  it("moves fulfillBy to the end of the conservative day, records what it wrote, and writes only when the date changes", async () => {
    const order = freshOrder();
    const fo = order.fulfillmentOrders[0];
    if (!fo) throw new Error("no fulfillment order");
    const zone = h.store.shop.ianaTimezone;
    await markLate(order, "2027-01-15");
    const queued = await moveLateDeadlines(h.db, h.app.shop);
    expect(queued?.orders).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const expected = deadlineInstant(parseLocalDate("2027-01-15"), zone);
    expect(fo.fulfillBy).toBe(Date.parse(expected));
    const state = await h.db.orderFulfillmentState.findUnique({
      where: { shop_orderId: { shop: h.app.shop, orderId: gid(order) } },
    });
    expect(state?.appFulfillBy?.toISOString()).toBe(new Date(expected).toISOString());
    expect(state?.appFulfillDate).toBe("2027-01-15");

    // Same date on the next reforecast: no job, nothing written to Shopify.
    const updatedAt = fo.updatedAt;
    expect(await moveLateDeadlines(h.db, h.app.shop)).toBeNull();
    expect(fo.updatedAt).toBe(updatedAt);

    // The date slips a week: written again.
    await markLate(order, "2027-01-22");
    expect((await moveLateDeadlines(h.db, h.app.shop))?.orders).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    expect(fo.fulfillBy).toBe(Date.parse(deadlineInstant(parseLocalDate("2027-01-22"), zone)));
  });

  it("a split-shipped order: the rest, IN_PROGRESS, gets the deadline and Delay Desk's hold, and after the release it ships", async () => {
    // One unit shipped now (fulfillmentCreate), the rest stays on the same fulfillment order,
    // IN_PROGRESS (simulator/resolvers/mutations/fulfillments.test.ts).
    const order = freshOrder((o) =>
      (o.fulfillmentOrders[0]?.lineItems ?? []).some((l) => l.remainingQuantity >= 2),
    );
    const fo = order.fulfillmentOrders[0];
    const line = fo?.lineItems.find((l) => l.remainingQuantity >= 2);
    if (!fo || !line) throw new Error("no fulfillment order with two units");
    const shipped = createFulfillment(h.store, {
      lineItemsByFulfillmentOrder: [
        { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: line.id, quantity: 1 }] },
      ],
      tracking: null,
      notifyCustomer: false,
    });
    expect("fulfillment" in shipped).toBe(true);
    expect(fo.status).toBe("IN_PROGRESS");

    await markLate(order, "2027-01-15");
    expect((await moveLateDeadlines(h.db, h.app.shop))?.orders).toBe(1);
    await runJobsToEnd(h.runner(), h.db);
    const zone = h.store.shop.ianaTimezone;
    expect(fo.fulfillBy).toBe(Date.parse(deadlineInstant(parseLocalDate("2027-01-15"), zone)));

    await holdWhileCancellationPending(h.db, h.app.shop, gid(order), "consent_review", "system");
    await runJobsToEnd(h.runner(), h.db);
    const [hold] = await itemsOf(FULFILLMENT_KINDS.hold, gid(order));
    expect(hold?.status).toBe("done");
    expect(fo.status).toBe("ON_HOLD");
    expect(fo.holds?.map((held) => held.handle)).toEqual([HOLD_HANDLE]);

    await recordChoice(h.db, {
      shop: h.app.shop,
      orderId: gid(order),
      noticeId: null,
      choice: "wait",
    });
    await runJobsToEnd(h.runner(), h.db);
    expect(fo.status).toBe("IN_PROGRESS");
    expect(() => fulfilOrder(h.store, order.id)).not.toThrow();
  });

  it("leaves an order that is on track alone", async () => {
    const order = freshOrder();
    await h.db.trackedOrder.update({
      where: { shop_id: { shop: h.app.shop, id: gid(order) } },
      data: { delayClass: "on_track", conservativeShipDate: "2027-01-10" },
    });
    const before = order.fulfillmentOrders.map((fo) => fo.fulfillBy);
    expect(await moveLateDeadlines(h.db, h.app.shop)).toBeNull();
    expect(order.fulfillmentOrders.map((fo) => fo.fulfillBy)).toEqual(before);
  });
});

describe("the hook in the order sync", () => {
  it("a sync pass that re-forecasts queues a deadline move for each late order, and a second pass queues none", async () => {
    // The app's own order sync, as the composition root builds it (the harness's database).
    const sync = (await import("../services.server")).appServices().orderSync;
    const deadlineJobs = () =>
      h.db.job.count({ where: { shop: h.app.shop, kind: FULFILLMENT_KINDS.deadline } });
    const before = await deadlineJobs();
    await sync.queueReconcile(h.app.shop);
    await sync.drain();
    const late = await h.db.trackedOrder.findMany({
      where: { shop: h.app.shop, delayClass: { in: ["at_risk", "overdue"] }, cancelledAt: null },
      select: { id: true },
    });
    expect(late.length).toBeGreaterThan(0);
    const jobs = await h.db.job.findMany({
      where: { shop: h.app.shop, kind: FULFILLMENT_KINDS.deadline, status: "pending" },
    });
    expect(jobs).toHaveLength(1);
    const queued = await h.db.jobItem.findMany({ where: { jobId: jobs[0]?.id } });
    // At most a batch per pass (the runner serves jobs oldest first), oldest orders first.
    expect(queued.length).toBe(Math.min(late.length, 50));
    const lateIds = new Set(late.map((row) => row.id));
    expect(queued.every((item) => lateIds.has(item.orderId))).toBe(true);
    expect(await deadlineJobs()).toBe(before + 1);

    // Nothing changed and the queued job still waits: no second job.
    await sync.queueReconcile(h.app.shop);
    await sync.drain();
    expect(await deadlineJobs()).toBe(before + 1);
  });
});
