import { describe, expect, it } from "vitest";
import { SMALL_WORKSHOP_RULES } from "../../tests/support/sample-shop";
import { parseShopRules } from "../promise/shop-rules";
import { forecastOrders, type UnfulfilledOrder } from "./forecast-orders";

const rules = parseShopRules(SMALL_WORKSHOP_RULES);

const line = (quantity: number, productTags: string[] = []) => ({
  quantity,
  productTags,
  collectionIds: [],
});

describe("forecastOrders", () => {
  it("promises, queues oldest first and forecasts — reproduced by hand", () => {
    const orders: UnfulfilledOrder[] = [
      // Listed out of order on purpose: the queue must follow createdAt.
      { id: "#3", createdAt: "2026-11-18T15:00:00Z", lineItems: [line(3)], unitsRemaining: 3 },
      { id: "#1", createdAt: "2026-11-12T15:00:00Z", lineItems: [line(2)], unitsRemaining: 2 },
      {
        id: "#2",
        createdAt: "2026-11-17T20:00:00Z",
        lineItems: [line(1, ["Engraved"])],
        unitsRemaining: 4,
      },
      {
        id: "#4",
        createdAt: "2026-11-19T15:00:00Z",
        lineItems: [line(1)],
        unitsRemaining: 1,
        fulfillBy: "2026-11-21T04:00:00Z",
      },
    ];
    // now: Thu 2026-11-19 09:00 EST, before the cut-off. Capacity Thu 4, Fri 8, then closed to Mon 11-30 (12).
    const result = forecastOrders(orders, rules, "2026-11-19T14:00:00Z");
    // Promises: #1 Thu 11-12 → Mon 11-16 (overdue). #2 Tue 11-17 15:00 (after cut-off) → counts Wed 11-18,
    // engraved 5 days → 11-19, 11-20, 11-30, 12-01, 12-02. #3 Wed 11-18 → Fri 11-20. #4 fulfillBy → Fri 11-20.
    // Queue #1 (2), #2 (4), #3 (3), #4 (1): cumulative 2, 6, 9, 10 → Thu, Fri, Mon 11-30, Mon 11-30.
    expect(result.orders.map((o) => [o.id, o.promise, o.likely, o.status])).toEqual([
      ["#1", "2026-11-16", "2026-11-19", "overdue"],
      ["#2", "2026-12-02", "2026-11-20", "on_track"],
      ["#3", "2026-11-20", "2026-11-30", "at_risk"],
      ["#4", "2026-11-20", "2026-11-30", "at_risk"],
    ]);
    expect(result.promises.get("#2")).toMatchObject({
      source: "rules",
      countsFrom: "2026-11-18",
      placedAfterCutOff: true,
    });
    expect(result.promises.get("#4")).toEqual({ date: "2026-11-20", source: "fulfillBy" });
    // New orders now: ceil(10 / 4) = 3 units → 13 → likely Tue 12-01; promise Thu + 2 = Mon 11-30
    // → pause/lengthen. Conservatively (shocks) 4·n·r(n) first covers 13 at n = 6 (13.68 ≥ 13 >
    // 11.08): Thu 12-03, five business days after today.
    expect(result.newOrders).toMatchObject({
      promise: "2026-11-30",
      likely: "2026-12-01",
      conservative: "2026-12-03",
      cannotKeepPromise: true,
      leadTimeNeeded: 5,
    });
  });
});
