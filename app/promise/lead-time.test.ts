import { describe, expect, it } from "vitest";
import { drawsFrom, mulberry32 } from "../../tests/support/seeded-random";
import {
  createLeadTimer,
  leadTimeForOrder,
  type LeadTimeRules,
  type PromiseLineItem,
} from "./lead-time";

const rules: LeadTimeRules = {
  defaultLeadTimeBusinessDays: 5,
  productTagOverrides: [
    { tag: "Engraved", leadTimeBusinessDays: 12 },
    { tag: "ready-to-ship", leadTimeBusinessDays: 1 },
    { tag: "walnut", leadTimeBusinessDays: 8 },
  ],
  collectionOverrides: [{ collectionId: "gid://shopify/Collection/42", leadTimeBusinessDays: 15 }],
  productOverrides: [],
  variantOverrides: [],
};

const item = (productTags: string[] = [], collectionIds: string[] = [], quantity = 1) => ({
  quantity,
  productTags,
  collectionIds,
});

describe("leadTimeForOrder", () => {
  it("uses the default when nothing matches, or for an order without lines", () => {
    expect(leadTimeForOrder([item(["leather"])], rules)).toEqual({
      businessDays: 5,
      reason: { kind: "default" },
    });
    expect(leadTimeForOrder([], rules).businessDays).toBe(5);
  });

  it("applies a product-tag override, case-insensitively", () => {
    expect(leadTimeForOrder([item(["engraved "])], rules)).toEqual({
      businessDays: 12,
      reason: { kind: "productTag", tag: "Engraved" },
    });
  });

  it("lets a shorter override shorten an item, but the order waits for its slowest item", () => {
    expect(leadTimeForOrder([item(["ready-to-ship"])], rules).businessDays).toBe(1);
    expect(leadTimeForOrder([item(["ready-to-ship"]), item([])], rules).businessDays).toBe(5);
  });

  it("takes the longest of several overrides matching one item", () => {
    expect(leadTimeForOrder([item(["ready-to-ship", "walnut"])], rules).businessDays).toBe(8);
    expect(leadTimeForOrder([item(["walnut"], ["42"])], rules)).toEqual({
      businessDays: 15,
      reason: { kind: "collection", collectionId: "gid://shopify/Collection/42" },
    });
  });

  it("ignores removed lines (quantity 0)", () => {
    expect(
      leadTimeForOrder([item(["engraved"], [], 0), item(["ready-to-ship"])], rules).businessDays,
    ).toBe(1);
  });
});

// Issue 14 point 1: lead times per product, variant or collection, the shop's rule as the fallback.
describe("leadTimeForOrder with product and variant rules", () => {
  const WALLET = "gid://shopify/Product/7";
  const TAN_WALLET = "gid://shopify/ProductVariant/71";
  const BLACK_WALLET = "gid://shopify/ProductVariant/72";
  const STRAP = "gid://shopify/Product/8";
  const shop: LeadTimeRules = {
    ...rules,
    productOverrides: [{ productId: WALLET, leadTimeBusinessDays: 20 }],
    variantOverrides: [{ variantId: TAN_WALLET, leadTimeBusinessDays: 2 }],
  };
  const line = (over: Partial<PromiseLineItem>): PromiseLineItem => ({
    quantity: 1,
    productTags: [],
    collectionIds: [],
    ...over,
  });

  it("takes the variant's rule over its product's, even when the variant's is shorter", () => {
    expect(leadTimeForOrder([line({ productId: WALLET, variantId: TAN_WALLET })], shop)).toEqual({
      businessDays: 2,
      reason: { kind: "variant", variantId: TAN_WALLET },
    });
  });

  it("takes the product's rule for the product's other variants", () => {
    expect(leadTimeForOrder([line({ productId: WALLET, variantId: BLACK_WALLET })], shop)).toEqual({
      businessDays: 20,
      reason: { kind: "product", productId: WALLET },
    });
  });

  it("takes the product's rule over a longer rule of a collection or tag it is in", () => {
    const shorter: LeadTimeRules = {
      ...shop,
      productOverrides: [{ productId: WALLET, leadTimeBusinessDays: 3 }],
    };
    expect(
      leadTimeForOrder(
        [line({ productId: WALLET, productTags: ["Engraved"], collectionIds: ["42"] })],
        shorter,
      ),
    ).toEqual({ businessDays: 3, reason: { kind: "product", productId: WALLET } });
  });

  it("falls back to the collection's rule, then to the shop's, for a product no rule names", () => {
    expect(leadTimeForOrder([line({ productId: STRAP, collectionIds: ["42"] })], shop)).toEqual({
      businessDays: 15,
      reason: { kind: "collection", collectionId: "gid://shopify/Collection/42" },
    });
    expect(leadTimeForOrder([line({ productId: STRAP })], shop)).toEqual({
      businessDays: 5,
      reason: { kind: "default" },
    });
  });

  it("gives a mixed cart its slowest line's lead time, whichever rule set it", () => {
    const cart = [
      line({ productId: STRAP }),
      line({ productId: WALLET, variantId: TAN_WALLET }),
      line({ productId: WALLET, variantId: BLACK_WALLET }),
    ];
    expect(leadTimeForOrder(cart, shop)).toEqual({
      businessDays: 20,
      reason: { kind: "product", productId: WALLET },
    });
    // Without the slow wallet, the strap's default (5) beats the tan wallet's 2.
    expect(leadTimeForOrder(cart.slice(0, 2), shop).businessDays).toBe(5);
    // A removed slow line no longer holds the parcel back.
    expect(
      leadTimeForOrder([...cart.slice(0, 2), line({ productId: WALLET, quantity: 0 })], shop)
        .businessDays,
    ).toBe(5);
  });

  it("matches ids by their number, so a rule and a line in different GID spellings still meet", () => {
    expect(leadTimeForOrder([line({ productId: "7" })], shop).businessDays).toBe(20);
    expect(leadTimeForOrder([line({ variantId: "71" })], shop).businessDays).toBe(2);
  });

  it("ignores rules for a line imported without product or variant ids", () => {
    expect(leadTimeForOrder([line({})], shop).businessDays).toBe(5);
  });
});

describe("createLeadTimer", () => {
  const PRODUCTS = ["gid://shopify/Product/1", "gid://shopify/Product/2", "2", "3"];
  const VARIANTS = ["gid://shopify/ProductVariant/11", "11", "gid://shopify/ProductVariant/12"];
  const TAGS = ["Engraved", " engraved ", "rush"];
  const COLLECTIONS = ["gid://shopify/Collection/42", "42", "9"];

  it("decides as leadTimeForOrder does on seeded random rules and carts, and numbers every decision below its count", () => {
    const random = mulberry32(1414);
    const { pick, int } = drawsFrom(random);
    for (let n = 0; n < 400; n += 1) {
      const shop: LeadTimeRules = {
        defaultLeadTimeBusinessDays: int(0, 12),
        productTagOverrides: Array.from({ length: int(0, 2) }, () => ({
          tag: pick(TAGS),
          leadTimeBusinessDays: int(0, 15),
        })),
        collectionOverrides: Array.from({ length: int(0, 2) }, () => ({
          collectionId: pick(COLLECTIONS),
          leadTimeBusinessDays: int(0, 15),
        })),
        productOverrides: Array.from({ length: int(0, 2) }, (_, i) => ({
          productId: `gid://shopify/Product/${i + int(1, 3)}`,
          leadTimeBusinessDays: int(0, 15),
        })),
        variantOverrides: Array.from({ length: int(0, 2) }, (_, i) => ({
          variantId: `gid://shopify/ProductVariant/${10 + i + int(1, 2)}`,
          leadTimeBusinessDays: int(0, 15),
        })),
      };
      const timer = createLeadTimer(shop);
      const cart = Array.from({ length: int(0, 4) }, () => ({
        quantity: int(0, 2),
        productTags: random() < 0.5 ? [pick(TAGS)] : [],
        collectionIds: random() < 0.5 ? [pick(COLLECTIONS)] : [],
        productId: random() < 0.8 ? pick(PRODUCTS) : null,
        variantId: random() < 0.7 ? pick(VARIANTS) : null,
      }));
      const decided = timer.decide(cart);
      expect(decided.decision, `case ${n}`).toEqual(leadTimeForOrder(cart, shop));
      expect(decided.index, `case ${n}`).toBeLessThan(timer.decisionCount);
    }
  });
  // The timer remembers each tag and id text it has matched: one timer over many carts must keep
  // answering as the plain rule does, including ties in days between rules matched by different
  // tags of one line (the first rule listed wins, whichever tag the line lists first).
  it("keeps deciding as leadTimeForOrder does when one timer serves many carts, ties included", () => {
    const random = mulberry32(2612);
    const { pick, int } = drawsFrom(random);
    const tags = ["Engraved", " engraved ", "rush", "RUSH", "walnut", "gift"];
    for (let n = 0; n < 50; n += 1) {
      const shop: LeadTimeRules = {
        defaultLeadTimeBusinessDays: pick([3, 5]),
        productTagOverrides: Array.from({ length: int(1, 4) }, () => ({
          tag: pick(tags),
          leadTimeBusinessDays: pick([3, 5, 8]),
        })),
        collectionOverrides: Array.from({ length: int(0, 3) }, () => ({
          collectionId: pick(COLLECTIONS),
          leadTimeBusinessDays: pick([3, 5, 8]),
        })),
        productOverrides: random() < 0.3 ? [{ productId: "2", leadTimeBusinessDays: 4 }] : [],
        variantOverrides: random() < 0.3 ? [{ variantId: "11", leadTimeBusinessDays: 1 }] : [],
      };
      const timer = createLeadTimer(shop);
      for (let c = 0; c < 40; c += 1) {
        const cart = Array.from({ length: int(1, 3) }, () => ({
          quantity: int(0, 2),
          productTags: Array.from({ length: int(0, 4) }, () => pick(tags)),
          collectionIds: Array.from({ length: int(0, 3) }, () => pick(COLLECTIONS)),
          productId: random() < 0.5 ? pick(PRODUCTS) : null,
          variantId: random() < 0.5 ? pick(VARIANTS) : null,
        }));
        expect(timer.decide(cart).decision, `shop ${n} cart ${c}`).toEqual(
          leadTimeForOrder(cart, shop),
        );
      }
    }
  });
});
