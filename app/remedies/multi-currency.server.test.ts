// The remedies on a shop that sells in CAD to buyers who pay in USD, through a real job and runner,
// checked in the simulator's own records. The simulator refuses a refund without the presentment
// currency, in the shop's currency, or for the shop's (larger) amounts, and an order-edit price in
// the wrong currency (simulator/resolvers/mutations/multi-currency.test.ts cites each rule), so
// an app that sent shop money where Shopify wants the buyer's would fail here.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANADIAN_SHOP } from "@delay-desk/simulator/cli";
import { discountsOf } from "@delay-desk/simulator/resolvers/mutations/discounts";
import { toShopCents } from "@delay-desk/simulator/store/currency";
import { refundsOf } from "@delay-desk/simulator/store/refunds";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import type { JobHarness } from "../../tests/support/job-harness";
import { startJobHarness } from "../../tests/support/job-harness";

let h: JobHarness;

beforeAll(async () => {
  h = await startJobHarness({ orders: 120, seed: 12, plan: "PLUS", ...CANADIAN_SHOP });
});
afterAll(async () => {
  await h.close();
});

const used = new Set<number>();
function usdOrder(where: (order: OrderRecord) => boolean = () => true): OrderRecord {
  const order = h.store.orders.find(
    (o) =>
      !used.has(o.id) &&
      o.currencies.presentment === "USD" &&
      o.cancelledAt === null &&
      o.receivedCents > 0 &&
      where(o),
  );
  if (!order) throw new Error("the seeded shop has too few paid USD orders");
  used.add(order.id);
  return order;
}

describe("remedies on a CAD shop whose buyer paid in USD", () => {
  it("full refund: gives back every USD cent paid, restocks each unit at the location Shopify suggested (the warehouse, not the primary workshop), and tells staff the CAD amount", async () => {
    const warehouse = h.store.locations.find((location) => !location.primary);
    if (!warehouse) throw new Error("the seeded shop has one location");
    const order = usdOrder((o) =>
      o.fulfillmentOrders.every((fo) => fo.assignedLocationId === warehouse.id),
    );
    const paid = order.receivedCents;
    const { progress, items } = await h.runJob("refund", { notify: false }, [order]);
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1, failed: 0 });
    const [refund, ...others] = refundsOf(h.store).refundsOf(order.id);
    expect(others).toHaveLength(0);
    expect(refund?.totalCents).toBe(paid);
    expect(order.financialStatus).toBe("REFUNDED");
    expect(refund?.lines.length).toBe(order.lineItems.length);
    for (const line of refund?.lines ?? []) expect(line.locationId).toBe(warehouse.id);
    // Shop money for staff, the buyer's own amount beside it.
    expect(JSON.parse(items[0]?.result ?? "{}").summary).toMatch(
      /^Refunded CA\$[\d,]+\.\d\d \(\$[\d,]+\.\d\d to the customer\)$/,
    );
  });

  it("cancel and refund: cancels and gives the USD payment back", async () => {
    const order = usdOrder(
      (o) => o.fulfillmentStatus === "UNFULFILLED" && o.financialStatus === "PAID",
    );
    const paid = order.receivedCents;
    const { progress, items } = await h.runJob("cancel_refund", { notifyCustomer: false }, [order]);
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    expect(order.cancelledAt).not.toBeNull();
    expect(refundsOf(h.store).refundsOf(order.id)[0]?.totalCents).toBe(paid);
  });

  it("shipping refund: refunds the USD shipping line, once", async () => {
    const order = usdOrder((o) => o.shippingCents > 0 && o.financialStatus === "PAID");
    const { progress, items } = await h.runJob("shipping", { mode: "refund", notify: false }, [
      order,
    ]);
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    expect(
      refundsOf(h.store)
        .refundsOf(order.id)
        .map((refund) => [refund.totalCents, refund.shippingCents]),
    ).toEqual([[order.shippingCents, order.shippingCents]]);
    // Planned in both currencies from Shopify's suggestion: CAD for staff and the limits, USD for
    // the buyer (what refundCreate then gave back).
    expect(items[0]).toMatchObject({
      amount: (toShopCents(order.shippingCents, order.currencies) / 100).toFixed(2),
      presentmentAmount: (order.shippingCents / 100).toFixed(2),
      presentmentCurrencyCode: "USD",
    });
    expect(toShopCents(order.shippingCents, order.currencies)).not.toBe(order.shippingCents);
  });

  it("faster shipping on an order with no shipping line: adds one at 0 in the buyer's currency", async () => {
    const order = usdOrder((o) => o.fulfillmentStatus === "UNFULFILLED");
    // A local-pickup order has no shipping line; the remedy then adds one (orderEditAddShippingLine).
    order.shippingLines = [];
    order.totalCents -= order.shippingCents;
    order.shippingCents = 0;
    const { progress, items } = await h.runJob(
      "shipping",
      { mode: "upgrade", title: "Express (on us)", notifyCustomer: false },
      [order],
    );
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    expect(order.shippingLines.map((line) => [line.title, line.priceCents])).toEqual([
      ["Express (on us)", 0],
    ]);
  });

  it("free add-on: the variant at no charge, priced in USD on the order", async () => {
    const order = usdOrder((o) => o.fulfillmentStatus === "UNFULFILLED");
    const variant = h.store.variants.find((v) =>
      order.lineItems.every((l) => l.variantId !== v.id),
    );
    if (!variant) throw new Error("no spare variant");
    const total = order.totalCents;
    const { progress, items } = await h.runJob(
      "add_on",
      { variantId: `gid://shopify/ProductVariant/${variant.id}`, notifyCustomer: false },
      [order],
    );
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    const added = order.lineItems.find((line) => line.variantId === variant.id);
    // The USD price the buyer would have seen (CAD list price converted, rounded up), fully discounted.
    expect(added?.unitPriceCents).toBe(Math.ceil((variant.priceCents * 0.715) / 100) * 100);
    expect(added?.unitDiscountCents).toBe(added?.unitPriceCents);
    expect(order.totalCents).toBe(total);
  });

  it("thank-you code: a percentage, which has no currency, so the USD buyer gets the same 15 % a CAD buyer would", async () => {
    // "Percentage-based discounts … don't have a currency attached to them"; fixed amounts "are set
    // in the currency of your store" and converted at checkout
    // (https://help.shopify.com/en/manual/payments/shopify-payments/multi-currency/discounts).
    const order = usdOrder((o) => o.customerId !== null);
    const { progress, items } = await h.runJob("discount_code", { percent: 15, validDays: 30 }, [
      order,
    ]);
    expect(progress?.counts, items[0]?.error ?? "").toMatchObject({ done: 1 });
    const code: unknown = JSON.parse(items[0]?.result ?? "{}").outcome.code;
    const created = discountsOf(h.store).nodes.find(
      (node) => node.discount.code === code,
    )?.discount;
    expect([created?.percentage, created?.amountCents]).toEqual([0.15, null]);
  });
});
