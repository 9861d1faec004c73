import { describe, expect, it } from "vitest";
import { leadTimeForOrder, type LeadTimeRules } from "./lead-time";

const rules: LeadTimeRules = {
  defaultLeadTimeBusinessDays: 5,
  productTagOverrides: [
    { tag: "Engraved", leadTimeBusinessDays: 12 },
    { tag: "ready-to-ship", leadTimeBusinessDays: 1 },
    { tag: "walnut", leadTimeBusinessDays: 8 },
  ],
  collectionOverrides: [{ collectionId: "gid://shopify/Collection/42", leadTimeBusinessDays: 15 }],
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
