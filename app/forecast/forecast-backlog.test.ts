import { describe, expect, it } from "vitest";
import { parseLocalDate as d } from "../promise/local-date";
import { parseShopRules, type ShopRulesInput } from "../promise/shop-rules";
import { forecastBacklog, type BacklogOrder } from "./forecast-backlog";
import { conservativeFraction } from "./shock-quantile";

const Z90 = 1.2815515655446004;

function rules(
  overrides: Partial<ShopRulesInput> = {},
  capacity: Partial<ShopRulesInput["capacity"]> = {},
) {
  return parseShopRules({
    timeZone: "America/New_York",
    defaultLeadTimeBusinessDays: 2,
    cutOffTime: "14:00",
    openWeekdays: [1, 2, 3, 4, 5],
    closures: [],
    capacity: {
      unit: "units",
      perWeekday: { mon: 3, tue: 3, wed: 3, thu: 3, fri: 3, sat: 0, sun: 0 },
      coefficientOfVariation: 0,
      ...capacity,
    },
    ...overrides,
  });
}

const order = (id: string, unitsRemaining: number, promise: string): BacklogOrder => ({
  id,
  unitsRemaining,
  promise: d(promise),
});

// Mon 2026-11-16 10:00 in New York, before the 14:00 cut-off.
const MONDAY_MORNING = "2026-11-16T15:00:00Z";

describe("forecastBacklog by hand, σ = 0, 3 units a weekday", () => {
  // Cumulative demand 1, 3, 5, 9, 10 against capacity Mon 3, Tue 6, Wed 9, Thu 12.
  // Conservative (shocks, 90 %): 3·n·r(n) after n business days, r from the shock table:
  //   n=1: 1.14  n=2: 2.85  n=3: 4.35  n=4: 6.39  n=5: 8.31  n=6: 10.26  n=7: 12.51
  const backlog = [
    order("D", 1, "2026-11-13"),
    order("A", 2, "2026-11-16"),
    order("B", 2, "2026-11-17"),
    order("C", 4, "2026-11-18"),
    order("E", 1, "2026-11-18"),
  ];
  const forecast = forecastBacklog(backlog, rules(), MONDAY_MORNING);

  it("ships each order on the first day its cumulative demand is covered", () => {
    expect(forecast.today).toBe("2026-11-16");
    expect(forecast.firstProductionDay).toBe("2026-11-16");
    expect(
      forecast.orders.map((o) => [o.id, o.likely, o.conservative, o.status, o.likelyLate]),
    ).toEqual([
      ["D", "2026-11-16", "2026-11-16", "overdue", true],
      ["A", "2026-11-16", "2026-11-18", "at_risk", false],
      ["B", "2026-11-17", "2026-11-19", "at_risk", false],
      ["C", "2026-11-18", "2026-11-23", "at_risk", false], // likely: 9 ≥ 9, exactly enough
      ["E", "2026-11-19", "2026-11-23", "at_risk", true],
    ]);
    expect(forecast.counts).toEqual({ on_track: 0, at_risk: 4, overdue: 1 });
    expect(forecast.totalDemand).toBe(10);
  });

  it("says when new orders would ship and that the 2-day promise cannot hold", () => {
    // A typical new order is ceil(10 / 5) = 2 units → cumulative 12 → likely Thursday,
    // conservatively n=7 (12.51 ≥ 12 > 10.26): Tue 11-24, six business days after Monday.
    // Promise for an order placed now: Mon + 2 business days = Wed 11-18.
    expect(forecast.newOrders).toEqual({
      demand: 2,
      promise: "2026-11-18",
      likely: "2026-11-19",
      conservative: "2026-11-24",
      cannotKeepPromise: true,
      leadTimeNeeded: 6,
    });
  });

  it("draws the burn-down until the conservative line reaches zero, flat over the weekend", () => {
    const r = conservativeFraction(0, 0.9);
    const left = (n: number) => Math.max(0, 10 - 3 * n * r(n));
    expect(forecast.burnDown.map((p) => [p.date, p.likelyRemaining])).toEqual([
      ["2026-11-16", 7],
      ["2026-11-17", 4],
      ["2026-11-18", 1],
      ["2026-11-19", 0],
      ["2026-11-20", 0],
      ["2026-11-21", 0],
      ["2026-11-22", 0],
      ["2026-11-23", 0],
    ]);
    [1, 2, 3, 4, 5, 5, 5, 6].forEach((n, i) =>
      expect(forecast.burnDown[i]?.conservativeRemaining).toBeCloseTo(left(n), 9),
    );
  });

  it("starts tomorrow after the cut-off", () => {
    const late = forecastBacklog(backlog, rules(), "2026-11-16T19:00:00Z");
    expect(late.firstProductionDay).toBe("2026-11-17");
    expect(late.orders.map((o) => o.likely)).toEqual([
      "2026-11-17",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]);
  });

  it("counts orders instead of units when capacity is in orders", () => {
    const byOrders = forecastBacklog(backlog, rules({}, { unit: "orders" }), MONDAY_MORNING);
    // 3 orders a day: D, A, B on Monday; C, E on Tuesday.
    expect(byOrders.orders.map((o) => o.likely)).toEqual([
      "2026-11-16",
      "2026-11-16",
      "2026-11-16",
      "2026-11-17",
      "2026-11-17",
    ]);
    expect(byOrders.newOrders.demand).toBe(1);
  });
});

describe("forecastBacklog by hand, σ > 0", () => {
  it("uses 10·n·r(n), wobble and shocks, for the conservative date (10 a day, cv 0.2, every day open)", () => {
    const shop = rules(
      { timeZone: "UTC", openWeekdays: [1, 2, 3, 4, 5, 6, 7], defaultLeadTimeBusinessDays: 5 },
      {
        perWeekday: { mon: 10, tue: 10, wed: 10, thu: 10, fri: 10, sat: 10, sun: 10 },
        coefficientOfVariation: 0.2,
      },
    );
    // Conservative cumulative capacity after n days: 10·n·r(n)
    //   n=1: 4.05  n=2: 10.04  n=3: 15.69  n=4: 21.98  n=5: 28.45  n=6: 35.08
    // Cumulative demand 7 → n=2 (likely n=1); 17 → n=4 (likely n=2); 26 → n=5 (likely n=3).
    const forecast = forecastBacklog(
      [order("a", 7, "2026-11-23"), order("b", 10, "2026-11-24"), order("c", 9, "2026-11-26")],
      shop,
      "2026-11-23T09:00:00Z",
    );
    expect(forecast.orders.map((o) => [o.likely, o.conservative, o.status, o.likelyLate])).toEqual([
      ["2026-11-23", "2026-11-24", "at_risk", false],
      ["2026-11-24", "2026-11-26", "at_risk", false],
      ["2026-11-25", "2026-11-27", "at_risk", false],
    ]);
    expect(forecast.model.z).toBeCloseTo(Z90, 8);
    const r = conservativeFraction(0.2, 0.9);
    expect(forecast.burnDown[0]?.conservativeRemaining).toBeCloseTo(26 - 10 * r(1), 9);
    expect(forecast.burnDown).toHaveLength(5);
    // New order of ceil(26 / 3) = 9 units → 35: conservative n=6 (35.08 ≥ 35 > 28.45), likely n=4.
    // Promised Mon + 5 days = Sat 11-28: just kept.
    expect(forecast.newOrders).toMatchObject({
      demand: 9,
      likely: "2026-11-26",
      conservative: "2026-11-28",
      cannotKeepPromise: false,
    });
  });
});

describe("holiday rush: the Thanksgiving-week closure re-forecasts at once", () => {
  const backlog = [order("1001", 3, "2026-11-20"), order("1002", 3, "2026-11-23")];
  // Fri 2026-11-20 10:00 EST.
  const friday = "2026-11-20T15:00:00Z";

  it("without the closure, the second order likely ships Monday as promised", () => {
    const open = forecastBacklog(backlog, rules(), friday);
    expect(open.orders.map((o) => [o.likely, o.likelyLate])).toEqual([
      ["2026-11-20", false],
      ["2026-11-23", false],
    ]);
  });

  it("with Thanksgiving week closed, it slips to Monday 11-30 and is at risk", () => {
    const closed = forecastBacklog(
      backlog,
      rules({ closures: [{ label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" }] }),
      friday,
    );
    expect(closed.orders.map((o) => [o.likely, o.likelyLate, o.status])).toEqual([
      ["2026-11-20", false, "at_risk"],
      ["2026-11-30", true, "at_risk"],
    ]);
    // Burn-down is flat through the closed week (and runs on until the conservative line is done).
    expect(closed.burnDown.map((p) => p.likelyRemaining)).toEqual([
      3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0,
    ]);
    // A new order placed now is promised Fri + 2 business days = Tue 12-01; it likely ships 12-01
    // (cumulative 9), but with no spare day a shock would break the promise.
    expect(closed.newOrders).toMatchObject({
      promise: "2026-12-01",
      likely: "2026-12-01",
      cannotKeepPromise: true,
    });
  });

  it("the same backlog a week later: order 1002 is overdue", () => {
    const later = forecastBacklog(backlog, rules(), "2026-11-24T15:00:00Z");
    expect(later.orders.map((o) => o.status)).toEqual(["overdue", "overdue"]);
  });
});

describe("forecastBacklog edge cases", () => {
  it("returns null dates past the horizon when the shop has no capacity", () => {
    const none = rules(
      {},
      { perWeekday: { mon: 0, tue: 0, wed: 0, thu: 0, fri: 0, sat: 0, sun: 0 } },
    );
    const forecast = forecastBacklog([order("x", 1, "2026-12-01")], none, MONDAY_MORNING, {
      horizonDays: 30,
    });
    expect(forecast.orders[0]).toMatchObject({
      likely: null,
      conservative: null,
      status: "at_risk",
      likelyLate: true,
    });
    expect(forecast.newOrders).toMatchObject({
      likely: null,
      conservative: null,
      cannotKeepPromise: true,
      leadTimeNeeded: null,
    });
    expect(forecast.burnDown).toHaveLength(30);
  });

  it("handles an empty backlog: new orders ship on the first production day", () => {
    const forecast = forecastBacklog([], rules(), MONDAY_MORNING);
    expect(forecast.orders).toEqual([]);
    expect(forecast.newOrders).toMatchObject({
      demand: 1,
      likely: "2026-11-16",
      conservative: "2026-11-16",
      leadTimeNeeded: 0,
    });
    expect(forecast.burnDown).toEqual([
      { date: "2026-11-16", likelyRemaining: 0, conservativeRemaining: 0 },
    ]);
  });

  it("sizes the hypothetical new order as asked, and refuses a size of 0", () => {
    // Backlog of 10 units + 5 → 15 > 12 (Thu) → Fri 11-20.
    const backlog = [order("a", 10, "2026-11-30")];
    expect(
      forecastBacklog(backlog, rules(), MONDAY_MORNING, { newOrderUnits: 5 }).newOrders,
    ).toMatchObject({ demand: 5, likely: "2026-11-20" });
    expect(() => forecastBacklog(backlog, rules(), MONDAY_MORNING, { newOrderUnits: 0 })).toThrow(
      RangeError,
    );
  });

  it("refuses an order with nothing left to ship", () => {
    expect(() => forecastBacklog([order("z", 0, "2026-11-20")], rules(), MONDAY_MORNING)).toThrow(
      /z: units remaining/,
    );
  });

  // Speed is measured by `npm run bench`, never by a timed test; this one checks scale only.
  it("classifies 100k orders", () => {
    const big: BacklogOrder[] = Array.from({ length: 100_000 }, (_, i) =>
      order(String(i), 1 + (i % 3), "2026-12-15"),
    );
    const shop = rules(
      {},
      {
        perWeekday: { mon: 400, tue: 400, wed: 400, thu: 400, fri: 400, sat: 0, sun: 0 },
        coefficientOfVariation: 0.3,
      },
    );
    const forecast = forecastBacklog(big, shop, MONDAY_MORNING);
    // 200k units at 400 a weekday = 500 weekdays ≈ 700 calendar days: inside the horizon.
    expect(forecast.orders[99_999]?.likely).not.toBeNull();
    expect(forecast.counts.on_track + forecast.counts.at_risk + forecast.counts.overdue).toBe(
      100_000,
    );
  });
});
