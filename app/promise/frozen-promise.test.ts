// The frozen promise: what the customer was told stays told. Dates by hand on the shop's calendar
// (New York, Mon–Fri, cut-off 14:00, Thanksgiving week 23–27 Nov closed).
//
// Shopify's side, as documented: `FulfillmentOrder.fulfillBy` is "the latest date and time by which
// all items in the fulfillment order need to be fulfilled" (graphql/admin-2026-10.schema.json;
// https://shopify.dev/changelog/fulfillment-order-has-a-new-fulfill_by-field: "the date at the end
// of the longest processing time for an order"), and it is not fixed: the
// `fulfillmentOrdersSetFulfillmentDeadline` mutation "sets the latest date and time by which the
// fulfillment orders need to be fulfilled" (https://shopify.dev/docs/api/admin-graphql/latest/mutations/fulfillmentOrdersSetFulfillmentDeadline).
// So the fulfillBy read later may be one the merchant or this app moved: only the first one seen
// is the promise.
import { describe, expect, it } from "vitest";
import { promiseOf, promiseToFreeze, shopOwnFulfillBy } from "./frozen-promise";
import { createPromiser } from "./promised-ship-date";
import { DEFAULT_SHOP_RULES, parseShopRules } from "./shop-rules";

const rules = (lead: number) =>
  createPromiser(
    parseShopRules({
      ...DEFAULT_SHOP_RULES,
      defaultLeadTimeBusinessDays: lead,
      closures: [{ label: "Thanksgiving week", from: "2026-11-23", to: "2026-11-27" }],
    }),
  );
const lines = [{ quantity: 1, productTags: [], collectionIds: [] }];
// Mon 2026-11-02 10:00 New York, before the cut-off.
const placed = { createdAt: "2026-11-02T15:00:00Z", lineItems: lines };

describe("the frozen promise", () => {
  it("is the rules' promise when first seen and never moves when the lead time does", () => {
    // Lead 10 from Mon 11-02: 3 4 5 6 9 10 11 12 13 16 → Mon 11-16 (the incident's "by 11-16").
    const first = promiseOf(
      { ...placed, frozenPromiseDate: null, frozenPromiseSource: null },
      rules(10),
    );
    expect(first).toEqual({
      promise: { date: "2026-11-16", source: "rules" },
      freshlyFrozen: true,
    });
    // Lead 15 would say Mon 11-30 (23–27 closed); the stored promise wins.
    expect(promiseToFreeze(placed, rules(15)).date).toBe("2026-11-30");
    const later = promiseOf(
      { ...placed, frozenPromiseDate: "2026-11-16", frozenPromiseSource: "rules" },
      rules(15),
    );
    expect(later).toEqual({
      promise: { date: "2026-11-16", source: "rules" },
      freshlyFrozen: false,
    });
  });

  it("takes Shopify's fulfillBy as first seen, and keeps it when fulfillBy moves", () => {
    // 2026-11-10T04:00Z is Mon 11-09 23:00 in New York.
    const withDeadline = { ...placed, fulfillBy: "2026-11-10T04:00:00Z" };
    expect(promiseToFreeze(withDeadline, rules(10))).toEqual({
      date: "2026-11-09",
      source: "fulfillBy",
    });
    const moved = promiseOf(
      {
        ...placed,
        fulfillBy: "2026-12-20T04:00:00Z",
        frozenPromiseDate: "2026-11-09",
        frozenPromiseSource: "fulfillBy",
      },
      rules(10),
    );
    expect(moved.promise).toEqual({ date: "2026-11-09", source: "fulfillBy" });
  });

  it("never takes a fulfillBy that the app itself set for the promise (issue 13 point 7)", () => {
    const appMoved = {
      ...placed,
      fulfillBy: "2026-12-20T04:00:00Z",
      appFulfillBy: new Date("2026-12-20T04:00:00Z"),
    };
    expect(shopOwnFulfillBy(appMoved)).toBeNull();
    expect(promiseToFreeze(appMoved, rules(10))).toEqual({ date: "2026-11-16", source: "rules" });
    // Shopify's own deadline, different from the one the app set, is still the shop's promise.
    expect(shopOwnFulfillBy({ ...appMoved, fulfillBy: "2026-11-10T04:00:00Z" })).toBe(
      "2026-11-10T04:00:00Z",
    );
  });

  it("ignores a stored value that is not a date and freezes anew", () => {
    const row = { ...placed, frozenPromiseDate: "soon", frozenPromiseSource: "rules" };
    expect(promiseOf(row, rules(10))).toMatchObject({
      freshlyFrozen: true,
      promise: { date: "2026-11-16" },
    });
  });
});
