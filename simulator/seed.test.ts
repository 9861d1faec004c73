import { describe, expect, it } from "vitest";
import { addBusinessDays } from "./business-days";
import { CANADIAN_SHOP } from "./cli";
import { PROMISED_BUSINESS_DAYS, seedShop } from "./seed";
import { toShopCents } from "./store/currency";

const now = new Date("2026-12-10T15:00:00Z");
const domain = "oak-and-hide.myshopify.com";
const snapshot = (seed: number) => JSON.stringify(seedShop({ domain, now, seed }));

describe("seedShop", () => {
  it("is deterministic for the same options and differs for another seed", () => {
    const a = snapshot(1);
    expect(snapshot(1)).toBe(a);
    expect(snapshot(2)).not.toBe(a);
  });

  it("applies the defaults", () => {
    const store = seedShop({ domain, now });
    expect(store.options).toMatchObject({
      name: "Oak & Hide Workshop",
      plan: "STANDARD",
      orders: 1200,
      seed: 1,
      timezone: "America/New_York",
    });
    expect(store.orders).toHaveLength(1200);
    expect(store.shop.myshopifyDomain).toBe(domain);
    expect(store.products.length).toBeGreaterThanOrEqual(10);
    expect(store.products.some((product) => product.tags.includes("made-to-order"))).toBe(true);
    expect(store.products.some((product) => product.tags.includes("ready-to-ship"))).toBe(true);
  });

  it("spans the 90 days before now, with ids and numbers increasing in time", () => {
    const store = seedShop({ domain, now });
    const first = store.orders[0];
    const last = store.orders[store.orders.length - 1];
    expect(first && last).toBeTruthy();
    if (!first || !last) return;
    expect(first.createdAt).toBeGreaterThanOrEqual(now.getTime() - 91 * 86_400_000);
    expect(last.createdAt).toBeLessThanOrEqual(now.getTime());
    for (let i = 1; i < store.orders.length; i++) {
      const previous = store.orders[i - 1];
      const current = store.orders[i];
      expect(
        current &&
          previous &&
          current.createdAt > previous.createdAt &&
          current.number === previous.number + 1,
      ).toBe(true);
    }
  });

  it("has a holiday rush that leaves a few hundred orders past their promise", () => {
    const store = seedShop({ domain, now });
    const day = 86_400_000;
    const recent = store.orders.filter(
      (order) => order.createdAt >= now.getTime() - 21 * day,
    ).length;
    const earlier = store.orders.filter(
      (order) => order.createdAt < now.getTime() - 35 * day,
    ).length;
    // Three weeks of rush outsell the eight weeks before it.
    expect(recent).toBeGreaterThan(earlier);

    const open = store.orders.filter(
      (order) => order.cancelledAt === null && order.fulfillmentStatus !== "FULFILLED",
    );
    const late = open.filter((order) => {
      const fulfillBy = order.fulfillmentOrders[0]?.fulfillBy ?? null;
      const due =
        fulfillBy ??
        addBusinessDays(
          new Date(order.createdAt),
          PROMISED_BUSINESS_DAYS,
          "America/New_York",
        ).getTime();
      return due < now.getTime();
    });
    expect(late.length).toBeGreaterThanOrEqual(120);
    expect(late.length).toBeLessThanOrEqual(450);
    const withPromise = late.filter(
      (order) => order.fulfillmentOrders[0]?.fulfillBy !== null,
    ).length;
    expect(withPromise).toBeGreaterThan(0);
    expect(withPromise).toBeLessThan(late.length / 2);

    const statuses = new Set(
      store.orders.map((order) => (order.cancelledAt ? "CANCELLED" : order.fulfillmentStatus)),
    );
    expect([...statuses].sort()).toEqual([
      "CANCELLED",
      "FULFILLED",
      "PARTIALLY_FULFILLED",
      "UNFULFILLED",
    ]);
    const tests = store.orders.filter((order) => order.test).length;
    expect(tests).toBeGreaterThanOrEqual(2);
    expect(tests).toBeLessThanOrEqual(4);
    // Orders from before the rush were all shipped on time.
    expect(open.every((order) => order.createdAt > now.getTime() - 45 * day)).toBe(true);
  });

  it("keeps every record consistent", () => {
    const store = seedShop({ domain, now, seed: 7 });
    for (const order of store.orders) {
      const subtotal = order.lineItems.reduce(
        (sum, item) => sum + item.quantity * item.unitPriceCents,
        0,
      );
      expect(order.subtotalCents).toBe(subtotal);
      expect(order.totalCents).toBe(subtotal + order.shippingCents);
      const remaining = order.fulfillmentOrders
        .flatMap((fo) => fo.lineItems)
        .reduce((sum, line) => sum + line.remainingQuantity, 0);
      if (order.fulfillmentStatus === "FULFILLED") expect(remaining).toBe(0);
      if (order.cancelledAt === null && order.fulfillmentStatus !== "FULFILLED")
        expect(remaining).toBeGreaterThan(0);
      for (const item of order.lineItems)
        expect(store.variant(item.variantId)?.productId).toBe(item.productId);
      if (order.customerId !== null)
        expect(store.customer(order.customerId)?.orderIds).toContain(order.id);
    }
  });

  it("seeds a CAD shop where about a third of the buyers live in the US and pay in USD at the shop's rate", () => {
    const store = seedShop({ domain, now, orders: 600, ...CANADIAN_SHOP });
    expect(store.shop.currencyCode).toBe("CAD");
    const usd = store.orders.filter((o) => o.currencies.presentment === "USD");
    expect(usd.length / store.orders.length).toBeGreaterThan(0.25);
    expect(usd.length / store.orders.length).toBeLessThan(0.45);
    for (const order of store.orders) {
      expect(order.currencies.shop).toBe("CAD");
      expect(order.shippingAddress.countryCode).toBe(
        order.currencies.presentment === "USD" ? "US" : "CA",
      );
      // Paid in full in the buyer's currency: one sale for the whole total.
      if (order.financialStatus === "PAID" && order.cancelledAt === null)
        expect(order.receivedCents).toBe(order.totalCents);
      for (const item of order.lineItems) {
        const list = store.variant(item.variantId)?.priceCents ?? 0;
        expect(item.unitPriceCents).toBe(
          order.currencies.presentment === "USD" ? Math.ceil((list * 0.715) / 100) * 100 : list,
        );
      }
    }
    // Customers' amount spent is in the shop's currency.
    const spent = store.customers.reduce((sum, c) => sum + c.amountSpentCents, 0);
    const paid = store.orders
      .filter(
        (o) =>
          o.customerId !== null &&
          o.cancelledAt === null &&
          !o.test &&
          o.financialStatus === "PAID",
      )
      .reduce((sum, o) => sum + toShopCents(o.totalCents, o.currencies), 0);
    expect(spent).toBe(paid);
  });

  it("has two locations: made-to-order leaves from the primary workshop, ready-to-ship-only orders from the warehouse", () => {
    const store = seedShop({ domain, now, orders: 300 });
    const [workshop, warehouse] = store.locations;
    expect([workshop?.primary, warehouse?.primary]).toEqual([true, false]);
    for (const order of store.orders) {
      const madeToOrder = order.lineItems.some(
        (item) => (store.product(item.productId)?.makeDays ?? 0) > 0,
      );
      for (const fo of order.fulfillmentOrders)
        expect(fo.assignedLocationId).toBe((madeToOrder ? workshop : warehouse)?.id);
    }
    expect(
      store.orders.some((o) => o.fulfillmentOrders[0]?.assignedLocationId === warehouse?.id),
    ).toBe(true);
  });

  it("rejects options it cannot honour", () => {
    expect(() => seedShop({ domain: "example.com", now })).toThrow(/myshopify/);
    expect(() => seedShop({ domain, now, orders: -1 })).toThrow();
    expect(() => seedShop({ domain, now, timezone: "Mars/Olympus" })).toThrow(/IANA/);
    expect(() =>
      seedShop({
        domain,
        now,
        currency: "CAD",
        foreignBuyers: { currency: "CAD", presentmentPerShop: 1, share: 0.5 },
      }),
    ).toThrow(/differ/);
  });

  it("seeds 100k orders", () => {
    const store = seedShop({ domain, now, orders: 100_000 });
    expect(store.orders).toHaveLength(100_000);
    expect(store.order(5_500_100_000)?.name).toBe("#101000");
  });
});
