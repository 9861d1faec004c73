// One product, variant or collection paused on its own, and each product's own estimate as the
// storefront notice carries them (app/storefront/held-items.ts).
import { describe, expect, it } from "vitest";
import { parseStorefrontNotice } from "../../contracts/notice-metafield";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import {
  estimateForLeadTime,
  noticeItemsFor,
  parseHeldItems,
  parseHeldItemsForm,
  withHeld,
  withoutHeld,
  type HeldItem,
} from "./held-items";

const WALLET: HeldItem = {
  kind: "product",
  id: "gid://shopify/Product/10",
  title: "Bifold wallet",
};
const WALLETS: HeldItem = {
  kind: "collection",
  id: "gid://shopify/Collection/7",
  title: "Wallets",
};

function form(fields: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of fields) data.append(key, value);
  return data;
}

describe("estimateForLeadTime", () => {
  it("turns business days into calendar days on the open weekdays, rounded up, weeks past two weeks", () => {
    expect(estimateForLeadTime(3, 5)).toEqual({ min: 5, max: 5, unit: "days" });
    expect(estimateForLeadTime(10, 5)).toEqual({ min: 14, max: 14, unit: "days" });
    // 40 business days, Monday to Friday: 56 calendar days = 8 weeks.
    expect(estimateForLeadTime(40, 5)).toEqual({ min: 8, max: 8, unit: "weeks" });
    expect(estimateForLeadTime(12, 6)).toEqual({ min: 14, max: 14, unit: "days" });
    // A same-day rule still reads as "1 day", never "0 days".
    expect(estimateForLeadTime(0, 5)).toEqual({ min: 1, max: 1, unit: "days" });
  });
});

describe("noticeItemsFor", () => {
  it("gives each rule its own estimate by numeric id (tags lower-cased) and marks what is paused", () => {
    const rules = {
      ...DEFAULT_SHOP_RULES,
      productOverrides: [{ productId: "gid://shopify/Product/10", leadTimeBusinessDays: 40 }],
      variantOverrides: [
        { variantId: "gid://shopify/ProductVariant/101", leadTimeBusinessDays: 2 },
      ],
      collectionOverrides: [
        { collectionId: "gid://shopify/Collection/7", leadTimeBusinessDays: 15 },
      ],
      productTagOverrides: [{ tag: " Made-To-Order ", leadTimeBusinessDays: 20 }],
    };
    const items = noticeItemsFor(rules, [WALLET, WALLETS]);
    expect(items).toEqual({
      variants: { "101": { estimate: { min: 3, max: 3, unit: "days" } } },
      products: { "10": { estimate: { min: 8, max: 8, unit: "weeks" }, paused: true } },
      collections: { "7": { estimate: { min: 3, max: 3, unit: "weeks" }, paused: true } },
      tags: { "made-to-order": { estimate: { min: 4, max: 4, unit: "weeks" } } },
    });
    // The theme's contract accepts it, in every mode.
    const notice = { version: 1, mode: "normal", updatedAt: "2026-12-01T10:00:00Z", items };
    expect(parseStorefrontNotice(notice)).toEqual(notice);
  });

  it("says nothing when there is no rule and nothing paused", () => {
    expect(noticeItemsFor(DEFAULT_SHOP_RULES, [])).toBeUndefined();
  });
});

describe("the held list", () => {
  it("adds without duplicates (a fresh title wins) and removes by id", () => {
    const renamed = { ...WALLET, title: "Bifold wallet (walnut)" };
    expect(withHeld([WALLET], [renamed, WALLETS])).toEqual([renamed, WALLETS]);
    expect(withoutHeld([WALLET, WALLETS], WALLET.id)).toEqual([WALLETS]);
  });

  it("parses what was stored, and fails loudly on a row that is not the contract", () => {
    expect(parseHeldItems(JSON.stringify([WALLET]))).toEqual([WALLET]);
    expect(parseHeldItems("[]")).toEqual([]);
    expect(() =>
      parseHeldItems(JSON.stringify([{ ...WALLET, id: "gid://shopify/Collection/1" }])),
    ).toThrow();
  });
});

describe("parseHeldItemsForm", () => {
  it("reads a hold of several picks and a release of one", () => {
    expect(
      parseHeldItemsForm(
        form([
          ["intent", "hold"],
          ["id", WALLET.id],
          ["id", WALLETS.id],
        ]),
      ),
    ).toEqual({ ok: true, request: { intent: "hold", ids: [WALLET.id, WALLETS.id] } });
    expect(
      parseHeldItemsForm(
        form([
          ["intent", "release"],
          ["id", WALLET.id],
        ]),
      ),
    ).toEqual({
      ok: true,
      request: { intent: "release", id: WALLET.id },
    });
  });

  it("refuses a hold of nothing, or of something that is not a product, variant or collection", () => {
    expect(parseHeldItemsForm(form([["intent", "hold"]]))).toEqual({
      ok: false,
      error: "Pick at least one product or collection.",
    });
    expect(
      parseHeldItemsForm(
        form([
          ["intent", "hold"],
          ["id", "gid://shopify/Order/1"],
        ]),
      ),
    ).toEqual({ ok: false, error: "Pick a product or collection." });
  });
});
