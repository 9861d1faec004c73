// How many business days an order gets, from the shop's default and its overrides.
//
// The rule, as support staff should explain it:
//  1. Each line item takes the lead time of every override that matches it (a product tag,
//     or a collection the product is in). If several match, the longest wins. If none
//     match, the item takes the shop's default. An override may be shorter than the default
//     ("ready-to-ship" tag: 1 day) and then really does shorten that item.
//  2. The order ships in one parcel, so the order takes the longest of its items.
// Tags compare case-insensitively and trimmed (Shopify treats "Made-To-Order" and
// "made-to-order" as the same tag); collection ids compare by their numeric id, so
// "gid://shopify/Collection/42" and "42" match.
import type { ShopRules } from "./shop-rules";

export interface PromiseLineItem {
  quantity: number;
  productTags: readonly string[];
  collectionIds: readonly string[];
}

export type LeadTimeRules = Pick<
  ShopRules,
  "defaultLeadTimeBusinessDays" | "productTagOverrides" | "collectionOverrides"
>;

export interface LeadTimeDecision {
  businessDays: number;
  /** What set it, for the "why this date?" tooltip. */
  reason:
    | { kind: "default" }
    | { kind: "productTag"; tag: string }
    | { kind: "collection"; collectionId: string };
}

export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

export function normalizeCollectionId(id: string): string {
  const trimmed = id.trim();
  const gid = /^gid:\/\/shopify\/Collection\/(\d+)$/.exec(trimmed);
  return gid?.[1] ?? trimmed;
}

export function leadTimeForItem(item: PromiseLineItem, rules: LeadTimeRules): LeadTimeDecision {
  let best: LeadTimeDecision | null = null;
  const tags = new Set(item.productTags.map(normalizeTag));
  for (const override of rules.productTagOverrides) {
    if (
      tags.has(normalizeTag(override.tag)) &&
      (best === null || override.leadTimeBusinessDays > best.businessDays)
    ) {
      best = {
        businessDays: override.leadTimeBusinessDays,
        reason: { kind: "productTag", tag: override.tag },
      };
    }
  }
  const collections = new Set(item.collectionIds.map(normalizeCollectionId));
  for (const override of rules.collectionOverrides) {
    if (
      collections.has(normalizeCollectionId(override.collectionId)) &&
      (best === null || override.leadTimeBusinessDays > best.businessDays)
    ) {
      best = {
        businessDays: override.leadTimeBusinessDays,
        reason: { kind: "collection", collectionId: override.collectionId },
      };
    }
  }
  return best ?? { businessDays: rules.defaultLeadTimeBusinessDays, reason: { kind: "default" } };
}

export function leadTimeForOrder(
  lineItems: readonly PromiseLineItem[],
  rules: LeadTimeRules,
): LeadTimeDecision {
  let longest: LeadTimeDecision | null = null;
  for (const item of lineItems) {
    // Removed or fully refunded lines (quantity 0) no longer hold the parcel back.
    if (item.quantity <= 0) continue;
    const decision = leadTimeForItem(item, rules);
    if (longest === null || decision.businessDays > longest.businessDays) longest = decision;
  }
  return (
    longest ?? { businessDays: rules.defaultLeadTimeBusinessDays, reason: { kind: "default" } }
  );
}
