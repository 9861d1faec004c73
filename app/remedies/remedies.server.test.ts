// Each remedy against the simulator, through a real job and runner, checking the shop afterwards
// in the simulator's own records: money refunded, orders cancelled, lines added, codes created.
// Then each is run again on the same order (a retry after an unknown outcome) to prove it does not
// act twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import type { JobHarness } from "../../tests/support/job-harness";
import { startJobHarness } from "../../tests/support/job-harness";
import { thankYouCode } from "./thank-you-code.server";
import { runJobsToEnd } from "../../tests/support/run-jobs";

let h: JobHarness;

beforeAll(async () => {
  h = await startJobHarness({ orders: 80, seed: 11, plan: "PLUS" });
});
afterAll(async () => {
  await h.close();
});

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;

/** Unfulfilled, paid, not cancelled orders not yet used by another test. */
const used = new Set<number>();
function freshOrders(count: number): OrderRecord[] {
  const picked = h.store.orders
    .filter(
      (o) =>
        !used.has(o.id) &&
        o.cancelledAt === null &&
        o.fulfillmentStatus === "UNFULFILLED" &&
        o.receivedCents > 0 &&
        o.customerId !== null,
    )
    .slice(0, count);
  if (picked.length < count) throw new Error("the seeded shop has too few open paid orders");
  for (const o of picked) used.add(o.id);
  return picked;
}

/** The same item performed again, its checkpoint kept, as after an answer lost mid-call. */
async function retryItem(itemId: string) {
  const item = await h.db.jobItem.update({ where: { id: itemId }, data: { status: "pending" } });
  await h.db.job.update({ where: { id: item.jobId }, data: { status: "running" } });
  await runJobsToEnd(h.runner(), h.db);
  return h.db.jobItem.findUniqueOrThrow({ where: { id: itemId } });
}

describe("remedies against the simulator", () => {
  it("full refund: refunds everything received including shipping, once, and records a timeline event", async () => {
    const orders = freshOrders(3);
    const received = orders.map((o) => o.receivedCents);
    const { progress, items, job } = await h.runJob("refund", { notify: false }, orders);
    expect(progress?.status).toBe("completed");
    expect(progress?.counts.done).toBe(3);
    orders.forEach((order, i) => {
      const refunds = refundsOf(h.store).refundsOf(order.id);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]?.totalCents).toBe(received[i]);
      expect(refunds[0]?.shippingCents).toBe(order.shippingCents);
      expect(order.financialStatus).toBe("REFUNDED");
    });
    const events = await h.db.orderEvent.findMany({
      where: { shop: h.app.shop, kind: "remedy", orderId: { in: orders.map(gid) } },
    });
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]?.detail ?? "{}")).toMatchObject({
      jobId: job.id,
      jobKind: "refund",
    });
    expect(items.every((item) => item.error === null)).toBe(true);

    // A second job on the same orders finds nothing left to refund and says so.
    const again = await h.runJob("refund", { notify: false }, orders);
    expect(again.progress?.counts.skipped).toBe(3);
    expect(again.items[0]?.error).toMatch(/already refunded/);
    for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
  });

  it("cancel and refund: cancels, refunds and restocks unfulfilled orders; an already-cancelled order is skipped", async () => {
    const orders = freshOrders(2);
    const { progress } = await h.runJob(
      "cancel_refund",
      { notifyCustomer: false, reason: "INVENTORY" },
      orders,
    );
    expect(progress?.counts.done).toBe(2);
    for (const order of orders) {
      expect(order.cancelledAt).not.toBeNull();
      expect(order.receivedCents).toBe(0);
      expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
    }
    await h.db.trackedOrder.updateMany({
      where: { id: { in: orders.map(gid) } },
      data: { cancelledAt: null },
    });
    const again = await h.runJob("cancel_refund", { notifyCustomer: false }, orders);
    expect(again.progress?.counts.skipped).toBe(2);
    expect(again.items[0]?.error).toMatch(/Already cancelled/);
    for (const order of orders) expect(refundsOf(h.store).refundsOf(order.id)).toHaveLength(1);
  });

  it("free add-on: adds the variant at no charge; a retry of the same item confirms it, a second job skips it", async () => {
    const orders = freshOrders(2);
    const variant = h.store.variants.find((v) =>
      orders.every((o) => o.lineItems.every((l) => l.variantId !== v.id)),
    );
    if (!variant) throw new Error("no spare variant");
    const variantId = `gid://shopify/ProductVariant/${variant.id}`;
    const totals = orders.map((o) => o.totalCents);
    const { progress, items } = await h.runJob(
      "add_on",
      { variantId, notifyCustomer: false, staffNote: "Thank you" },
      orders,
    );
    expect(progress?.counts).toMatchObject({ done: 2, failed: 0 });
    orders.forEach((order, i) => {
      const added = order.lineItems.filter((l) => l.variantId === variant.id);
      expect(added).toHaveLength(1);
      expect(added[0]?.unitDiscountCents).toBe(added[0]?.unitPriceCents);
      expect(order.totalCents).toBe(totals[i]);
    });
    const again = await h.runJob("add_on", { variantId, notifyCustomer: false }, orders);
    expect(again.progress?.counts.skipped).toBe(2);
    for (const order of orders)
      expect(order.lineItems.filter((l) => l.variantId === variant.id)).toHaveLength(1);

    // The first job's item run again (its commit's answer lost): its own edit, so done, not a second line.
    const retried = await retryItem(items[0]?.id ?? "");
    expect(retried.status).toBe("done");
    expect(JSON.parse(retried.result ?? "{}").summary).toMatch(/confirmed on re-check/);
    expect(orders[0]?.lineItems.filter((l) => l.variantId === variant.id)).toHaveLength(1);
  });

  it("shipping: refunds only the shipping line, once", async () => {
    const orders = freshOrders(2).filter((o) => o.shippingCents > 0);
    const { progress } = await h.runJob("shipping", { mode: "refund", notify: false }, orders);
    expect(progress?.counts.done).toBe(orders.length);
    for (const order of orders) {
      const refunds = refundsOf(h.store).refundsOf(order.id);
      expect(refunds).toHaveLength(1);
      expect(refunds[0]?.totalCents).toBe(order.shippingCents);
      expect(refunds[0]?.lines).toHaveLength(0);
    }
  });

  it("shipping: upgrades the shipping line in an order edit; a retry confirms it, a second job skips it", async () => {
    const orders = freshOrders(1);
    const { progress, items } = await h.runJob(
      "shipping",
      { mode: "upgrade", title: "Express (on us)", notifyCustomer: false },
      orders,
    );
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    expect(orders[0]?.shippingLines.map((l) => l.title)).toContain("Express (on us)");

    const retried = await retryItem(items[0]?.id ?? "");
    expect(retried.status).toBe("done");
    expect(JSON.parse(retried.result ?? "{}").summary).toMatch(/confirmed on re-check/);
    const again = await h.runJob(
      "shipping",
      { mode: "upgrade", title: "Express (on us)", notifyCustomer: false },
      orders,
    );
    expect(again.items[0]?.error).toMatch(/already Express/);
    const upgraded = orders[0]?.shippingLines.filter((l) => l.title === "Express (on us)");
    expect(upgraded).toHaveLength(1);
  });

  it("thank-you code: one personal code per order, found again instead of duplicated", async () => {
    const orders = freshOrders(1);
    const { progress, items } = await h.runJob(
      "discount_code",
      { percent: 15, validDays: 30 },
      orders,
    );
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    const code = thankYouCode(items[0]?.idempotencyKey ?? "");
    expect(JSON.parse(items[0]?.result ?? "{}").outcome.code).toBe(code);
    // The same item run again (a retry after a lost answer) finds its code taken: done, not a second code.
    const retried = await retryItem(items[0]?.id ?? "");
    expect(retried.status).toBe("done");
    expect(JSON.parse(retried.result ?? "{}").summary).toMatch(/earlier try/);
  });
});
