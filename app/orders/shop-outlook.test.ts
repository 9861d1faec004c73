import { describe, expect, it } from "vitest";
import { forecastOrders, type UnfulfilledOrder } from "../forecast/forecast-orders";
import { parseShopRules, type ShopRules } from "../promise/shop-rules";
import { shopOutlook } from "./shop-outlook";

const base = {
  timeZone: "America/New_York",
  defaultLeadTimeBusinessDays: 5,
  cutOffTime: "14:00",
  openWeekdays: [1, 2, 3, 4, 5],
  closures: [{ label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" }],
  capacity: {
    unit: "units",
    perWeekday: { mon: 9, tue: 9, wed: 9, thu: 9, fri: 7, sat: 0, sun: 0 },
    coefficientOfVariation: 0.3,
  },
};

function backlog(count: number, seed: number): UnfulfilledOrder[] {
  let state = seed;
  const next = () => (state = (state * 48271) % 2147483647);
  return Array.from({ length: count }, (_, i) => {
    const units = 1 + (next() % 4);
    return {
      id: `o${i}`,
      createdAt: new Date(Date.UTC(2026, 10, 1) + (next() % (20 * 86_400_000))),
      unitsRemaining: units,
      lineItems: [{ quantity: units, productTags: [], collectionIds: [] }],
    };
  });
}

describe("shopOutlook", () => {
  // The dashboard's shortcut must give the very answer of the full forecast, for both units.
  it.each([
    ["units", 40, 1],
    ["units", 333, 2],
    ["orders", 120, 3],
    ["orders", 0, 4],
  ] as const)("matches the full forecast (%s, %i orders)", (unit, count, seed) => {
    const rules: ShopRules = parseShopRules({ ...base, capacity: { ...base.capacity, unit } });
    const orders = backlog(count, seed);
    const now = "2026-11-20T16:30:00Z";
    const full = forecastOrders(orders, rules, now);
    const units = orders.reduce((sum, order) => sum + order.unitsRemaining, 0);
    const outlook = shopOutlook({ orders: orders.length, units }, rules, now);
    expect(outlook.newOrders).toEqual(full.newOrders);
    expect(outlook.burnDown).toEqual(full.burnDown);
    expect(outlook.totalDemand).toBe(full.totalDemand);
    expect(outlook.firstProductionDay).toBe(full.firstProductionDay);
    expect(outlook.unit).toBe(unit);
  });

  it("says the promise cannot be kept when the backlog outruns the lead time", () => {
    const rules = parseShopRules(base);
    // 9 units a day for 5 business days is 43 units at most; 200 units of backlog cannot fit.
    const swamped = shopOutlook({ orders: 100, units: 200 }, rules, "2026-11-20T12:00:00Z");
    expect(swamped.cannotKeepPromise).toBe(true);
    const calm = shopOutlook({ orders: 2, units: 2 }, rules, "2026-11-20T12:00:00Z");
    expect(calm.cannotKeepPromise).toBe(false);
    expect(calm.newOrders.likely).toBe("2026-11-20");
  });
});
