// Previewing a rules change: counts by hand on a tiny shop (New York, Mon–Fri, 1 unit a day, cv 0).
import { describe, expect, it } from "vitest";
import { previewRulesChange, type OpenOrder } from "./rules-change";
import { DEFAULT_SHOP_RULES, parseShopRules } from "./shop-rules";

const rules = (lead: number, perDay: number) =>
  parseShopRules({
    ...DEFAULT_SHOP_RULES,
    defaultLeadTimeBusinessDays: lead,
    capacity: {
      ...DEFAULT_SHOP_RULES.capacity,
      perWeekday: {
        mon: perDay,
        tue: perDay,
        wed: perDay,
        thu: perDay,
        fri: perDay,
        sat: 0,
        sun: 0,
      },
      coefficientOfVariation: 0,
    },
  });
const order = (id: string, createdAt: string, frozen: string | null): OpenOrder => ({
  id,
  createdAt,
  unitsRemaining: 1,
  lineItems: [{ quantity: 1, productTags: [], collectionIds: [] }],
  frozenPromiseDate: frozen,
  frozenPromiseSource: frozen ? "rules" : null,
});

describe("previewRulesChange", () => {
  // Now: Mon 2026-11-30 10:00 New York (before the cut-off).
  const now = "2026-11-30T15:00:00Z";
  const orders = [
    // Told Mon 11-16 (placed Mon 11-02, lead 10): overdue whatever the rules say now.
    order("a", "2026-11-02T15:00:00Z", "2026-11-16"),
    // Not frozen yet, placed Mon 11-23 10:00: lead 10 → Mon 12-07; lead 15 → Mon 12-14.
    order("b", "2026-11-23T15:00:00Z", null),
    // Told Fri 12-04.
    order("c", "2026-11-20T15:00:00Z", "2026-12-04"),
  ];

  it("keeps every open order's promise, counts who the new rules would have told otherwise, and shows the new orders' promise", () => {
    const preview = previewRulesChange(orders, rules(10, 1), rules(15, 1), now);
    expect(preview.openOrders).toBe(3);
    expect(preview.keepPromise).toBe(3);
    // Under lead 15: a → Mon 11-23, b → Mon 12-14, c (Fri 11-20) → Fri 12-11: all three differ.
    expect(preview.wouldHaveDiffered).toBe(3);
    // An order placed now (Mon 11-30 before cut-off): lead 10 → Mon 12-14, lead 15 → Mon 12-21.
    expect(preview.newOrderPromise).toEqual({ before: "2026-12-14", after: "2026-12-21" });
    // One a day from Mon 11-30: a Mon 11-30, c Tue 12-01, b Wed 12-02 (queued by age: a, c, b).
    // a overdue (11-16 < 11-30); c by 12-04 on track; b by 12-07 (frozen now under lead 10) on track.
    expect(preview.counts.before).toEqual({ overdue: 1, at_risk: 0, on_track: 2 });
    // The lead time does not touch them: the same counts after.
    expect(preview.counts.after).toEqual(preview.counts.before);
  });

  it("moves the forecast with the capacity while the promises stay", () => {
    // A fifth of the capacity (0.2 a day): a ships Fri 12-04, c Fri 12-11, b Fri 12-18.
    const preview = previewRulesChange(orders, rules(10, 1), rules(10, 0.2), now);
    expect(preview.wouldHaveDiffered).toBe(0);
    expect(preview.counts.after).toEqual({ overdue: 1, at_risk: 2, on_track: 0 });
  });
});
