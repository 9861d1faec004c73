// How many business days an order gets, from the shop's default and its lead-time rules.
//
// The rule, as support staff should explain it:
//  1. Each line item takes the most specific rule that names it: a rule for its variant, else a
//     rule for its product, else the rules for its product's tags and collections (if several
//     of those match, the longest wins), else the shop's default. So a variant rule of 2 days
//     beats a product rule of 20 for that variant only; a product rule beats any collection it is
//     in. A rule may be shorter than the default ("ready-to-ship": 1 day) and then really does
//     shorten that item.
//  2. The order ships in one parcel, so the order takes the slowest of its lines.
// Tags compare case-insensitively and trimmed (Shopify treats "Made-To-Order" and
// "made-to-order" as the same tag); collection, product and variant ids compare by their numeric
// id, so "gid://shopify/Collection/42" and "42" match.
import type { ShopRules } from "./shop-rules";

export interface PromiseLineItem {
  quantity: number;
  productTags: readonly string[];
  collectionIds: readonly string[];
  /** The line's product GID; absent on rows imported before per-product rules (and custom lines). */
  productId?: string | null;
  /** The line's variant GID; absent as above. */
  variantId?: string | null;
}

export type LeadTimeRules = Pick<
  ShopRules,
  | "defaultLeadTimeBusinessDays"
  | "productTagOverrides"
  | "collectionOverrides"
  | "productOverrides"
  | "variantOverrides"
>;

export interface LeadTimeDecision {
  businessDays: number;
  /** What set it, for the "why this date?" tooltip. */
  reason:
    | { kind: "default" }
    | { kind: "productTag"; tag: string }
    | { kind: "collection"; collectionId: string }
    | { kind: "product"; productId: string }
    | { kind: "variant"; variantId: string };
}

export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase();
}

// One compiled pattern per GID type (a RegExp built per call was most of a busy shop's promise).
const gidPattern = (type: string) => new RegExp(`^gid://shopify/${type}/(\\d+)$`);
const COLLECTION_GID = gidPattern("Collection");
const PRODUCT_GID = gidPattern("Product");
const VARIANT_GID = gidPattern("ProductVariant");

function numericIdOf(pattern: RegExp, id: string): string {
  const trimmed = id.trim();
  return pattern.exec(trimmed)?.[1] ?? trimmed;
}

export function normalizeCollectionId(id: string): string {
  return numericIdOf(COLLECTION_GID, id);
}

export function normalizeProductId(id: string): string {
  return numericIdOf(PRODUCT_GID, id);
}

export function normalizeVariantId(id: string): string {
  return numericIdOf(VARIANT_GID, id);
}

const byDefault = (rules: LeadTimeRules): LeadTimeDecision => ({
  businessDays: rules.defaultLeadTimeBusinessDays,
  reason: { kind: "default" },
});

export function leadTimeForItem(item: PromiseLineItem, rules: LeadTimeRules): LeadTimeDecision {
  if (item.variantId) {
    const variant = normalizeVariantId(item.variantId);
    const rule = rules.variantOverrides.find((o) => normalizeVariantId(o.variantId) === variant);
    if (rule)
      return {
        businessDays: rule.leadTimeBusinessDays,
        reason: { kind: "variant", variantId: rule.variantId },
      };
  }
  if (item.productId) {
    const product = normalizeProductId(item.productId);
    const rule = rules.productOverrides.find((o) => normalizeProductId(o.productId) === product);
    if (rule)
      return {
        businessDays: rule.leadTimeBusinessDays,
        reason: { kind: "product", productId: rule.productId },
      };
  }
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
  return best ?? byDefault(rules);
}

export function leadTimeForOrder(
  lineItems: readonly PromiseLineItem[],
  rules: LeadTimeRules,
): LeadTimeDecision {
  let slowest: LeadTimeDecision | null = null;
  for (const item of lineItems) {
    // Removed or fully refunded lines (quantity 0) no longer hold the parcel back.
    if (item.quantity <= 0) continue;
    const decision = leadTimeForItem(item, rules);
    if (slowest === null || decision.businessDays > slowest.businessDays) slowest = decision;
  }
  return slowest ?? byDefault(rules);
}

/** A lead-time decision and its index among the shop's possible decisions (a cache key). */
export interface IndexedDecision {
  index: number;
  decision: LeadTimeDecision;
}

/**
 * leadTimeForOrder's answers, for promising many orders (app/promise/cached-promiser.ts): the
 * rules are normalised once and looked up by id, and since an order's decision is always one of
 * `decisionCount` values (the default or one rule), each is built once and shared (nothing mutates
 * a promise's reasons), so a promise can be cached by (day, decision index).
 */
export interface LeadTimer {
  decide(lineItems: readonly PromiseLineItem[]): IndexedDecision;
  decisionCount: number;
}

/** A tag or collection rule's decision and its place among those rules (ties: the first wins). */
interface RankedRule {
  made: IndexedDecision;
  rank: number;
}

const outranks = (rule: RankedRule, best: RankedRule | null) =>
  best === null ||
  rule.made.decision.businessDays > best.made.decision.businessDays ||
  (rule.made.decision.businessDays === best.made.decision.businessDays && rule.rank < best.rank);

// Distinct tag and id texts per shop are few (its catalogue's); the bound only guards memory.
const MEMO_LIMIT = 10_000;

/**
 * `lookup` memoised by the raw text a line item carries: each distinct tag or id is normalised
 * and matched once per timer, not once per line item (a busy shop's promises were mostly that).
 */
function memoByText<T>(lookup: (text: string) => T | null): (text: string) => T | null {
  const memo = new Map<string, T | null>();
  return (text) => {
    let found = memo.get(text);
    if (found === undefined) {
      found = lookup(text);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(text, found);
    }
    return found;
  };
}

export function createLeadTimer(rules: LeadTimeRules): LeadTimer {
  let next = 0;
  const made = (decision: LeadTimeDecision): IndexedDecision => ({ index: next++, decision });
  const fallback = made(byDefault(rules));
  // First rule for an id wins, as Array.find does in leadTimeForItem.
  const firstById = <T>(
    list: readonly T[],
    key: (item: T) => string,
    make: (item: T) => IndexedDecision,
  ) => {
    const map = new Map<string, IndexedDecision>();
    for (const item of list) {
      const decision = make(item);
      if (!map.has(key(item))) map.set(key(item), decision);
    }
    return map;
  };
  const variants = firstById(
    rules.variantOverrides,
    (o) => normalizeVariantId(o.variantId),
    (o) =>
      made({
        businessDays: o.leadTimeBusinessDays,
        reason: { kind: "variant", variantId: o.variantId },
      }),
  );
  const products = firstById(
    rules.productOverrides,
    (o) => normalizeProductId(o.productId),
    (o) =>
      made({
        businessDays: o.leadTimeBusinessDays,
        reason: { kind: "product", productId: o.productId },
      }),
  );
  // leadTimeForItem takes the longest matching tag or collection rule, the first listed (tags
  // before collections) on a tie: each rule's rank is that place.
  let rank = 0;
  const tagRules = rules.productTagOverrides.map((o) => ({
    key: normalizeTag(o.tag),
    rule: {
      rank: rank++,
      made: made({
        businessDays: o.leadTimeBusinessDays,
        reason: { kind: "productTag", tag: o.tag },
      }),
    },
  }));
  const collectionRules = rules.collectionOverrides.map((o) => ({
    key: normalizeCollectionId(o.collectionId),
    rule: {
      rank: rank++,
      made: made({
        businessDays: o.leadTimeBusinessDays,
        reason: { kind: "collection", collectionId: o.collectionId },
      }),
    },
  }));
  const decisionCount = next;
  if (decisionCount === 1) return { decide: () => fallback, decisionCount };

  const bestOf = (list: readonly { key: string; rule: RankedRule }[], key: string) => {
    let best: RankedRule | null = null;
    for (const entry of list)
      if (entry.key === key && outranks(entry.rule, best)) best = entry.rule;
    return best;
  };
  const variantRule = memoByText((id) => variants.get(normalizeVariantId(id)) ?? null);
  const productRule = memoByText((id) => products.get(normalizeProductId(id)) ?? null);
  const tagRule = memoByText((tag) => bestOf(tagRules, normalizeTag(tag)));
  const collectionRule = memoByText((id) => bestOf(collectionRules, normalizeCollectionId(id)));

  function forItem(item: PromiseLineItem): IndexedDecision {
    if (variants.size > 0 && item.variantId) {
      const found = variantRule(item.variantId);
      if (found) return found;
    }
    if (products.size > 0 && item.productId) {
      const found = productRule(item.productId);
      if (found) return found;
    }
    let best: RankedRule | null = null;
    if (tagRules.length > 0)
      for (const tag of item.productTags) {
        const rule = tagRule(tag);
        if (rule !== null && outranks(rule, best)) best = rule;
      }
    if (collectionRules.length > 0)
      for (const id of item.collectionIds) {
        const rule = collectionRule(id);
        if (rule !== null && outranks(rule, best)) best = rule;
      }
    return best?.made ?? fallback;
  }

  return {
    decisionCount,
    decide(lineItems) {
      let slowest: IndexedDecision | null = null;
      for (const item of lineItems) {
        // Removed or fully refunded lines (quantity 0) no longer hold the parcel back.
        if (item.quantity <= 0) continue;
        const found = forItem(item);
        if (slowest === null || found.decision.businessDays > slowest.decision.businessDays)
          slowest = found;
      }
      return slowest ?? fallback;
    },
  };
}
