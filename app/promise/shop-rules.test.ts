import { describe, expect, it } from "vitest";
import { DEFAULT_SHOP_RULES, parseShopRules, shopRulesSchema } from "./shop-rules";

describe("shop rules", () => {
  it("round-trips the defaults through JSON", () => {
    expect(parseShopRules(JSON.parse(JSON.stringify(DEFAULT_SHOP_RULES)))).toEqual(
      DEFAULT_SHOP_RULES,
    );
  });

  it("stores a single closed day as a one-day range", () => {
    const rules = parseShopRules({
      ...DEFAULT_SHOP_RULES,
      closures: [{ label: "Christmas", date: "2026-12-25" }],
    });
    expect(rules.closures).toEqual([{ label: "Christmas", from: "2026-12-25", to: "2026-12-25" }]);
  });

  it.each([
    ["an unknown zone", { timeZone: "Mars/Olympus" }],
    ["a 12-hour cut-off", { cutOffTime: "2:00 PM" }],
    ["cut-off 24:00", { cutOffTime: "24:00" }],
    ["no open weekday", { openWeekdays: [] }],
    ["a repeated weekday", { openWeekdays: [1, 1] }],
    ["weekday 0", { openWeekdays: [0, 1] }],
    [
      "a backwards closure",
      { closures: [{ label: "Oops", from: "2026-12-31", to: "2026-12-01" }] },
    ],
    ["an unlabelled closure", { closures: [{ label: " ", date: "2026-12-25" }] }],
    ["negative lead time", { defaultLeadTimeBusinessDays: -1 }],
    ["fractional lead time", { defaultLeadTimeBusinessDays: 1.5 }],
  ])("rejects %s", (_name, change) => {
    expect(shopRulesSchema.safeParse({ ...DEFAULT_SHOP_RULES, ...change }).success).toBe(false);
  });
});
