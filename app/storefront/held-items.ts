// One product, variant or collection paused on its own, while the rest of the shop sells (issue 14
// point 1), and what the storefront is told about each product: paused, or its own lead time.
// Pure: the list is kept in StorefrontState.heldItems (JSON) and written by held-items.server.ts.
import { z } from "zod";
import { MAX_HELD_ITEMS, type HeldItem } from "../../extensions/checkout-pause/src/pause-rule";
import type { ItemNotice, NoticeEstimate, NoticeItems } from "../../contracts/notice-metafield";
import {
  normalizeCollectionId,
  normalizeProductId,
  normalizeTag,
  normalizeVariantId,
  type LeadTimeRules,
} from "../promise/lead-time";

export type { HeldItem };
export { MAX_HELD_ITEMS };

const GID_OF_KIND = {
  product: /^gid:\/\/shopify\/Product\/\d+$/,
  variant: /^gid:\/\/shopify\/ProductVariant\/\d+$/,
  collection: /^gid:\/\/shopify\/Collection\/\d+$/,
} as const;

export const heldItemSchema = z
  .object({
    kind: z.enum(["product", "variant", "collection"]),
    id: z.string(),
    title: z.string().trim().min(1).max(255),
  })
  .refine((item) => GID_OF_KIND[item.kind].test(item.id), {
    message: "Expected a product, variant or collection picked in Shopify",
    path: ["id"],
  });

export const heldItemsSchema = z.array(heldItemSchema).max(MAX_HELD_ITEMS);

/** The stored list; a row that does not parse is a bug to see, not a silent "nothing paused". */
export function parseHeldItems(stored: string): HeldItem[] {
  return heldItemsSchema.parse(JSON.parse(stored));
}

/** The kind a picked GID names, or null for anything that cannot be paused on its own. */
export function heldKindOf(id: string): HeldItem["kind"] | null {
  for (const kind of ["product", "variant", "collection"] as const)
    if (GID_OF_KIND[kind].test(id)) return kind;
  return null;
}

/** The list with these added (an item already paused keeps its place, with the fresh title). */
export function withHeld(list: readonly HeldItem[], added: readonly HeldItem[]): HeldItem[] {
  const byId = new Map(list.map((item) => [item.id, item]));
  for (const item of added) byId.set(item.id, item);
  return [...byId.values()];
}

export function withoutHeld(list: readonly HeldItem[], id: string): HeldItem[] {
  return list.filter((item) => item.id !== id);
}

/**
 * A rule's lead time as shoppers read it: the business days turned into calendar days on the
 * shop's open weekdays (5 open days a week: 10 business days is 14 calendar days), in weeks past
 * two weeks, rounded up, so the product page never promises sooner than the rule does.
 */
export function estimateForLeadTime(
  businessDays: number,
  openWeekdayCount: number,
): NoticeEstimate {
  const open = Math.min(7, Math.max(1, openWeekdayCount));
  const days = Math.max(1, Math.ceil((businessDays * 7) / open));
  if (days <= 14) return { min: days, max: days, unit: "days" };
  const weeks = Math.ceil(days / 7);
  return { min: weeks, max: weeks, unit: "weeks" };
}

type ItemKey = keyof NoticeItems;
const ITEM_KEYS: readonly ItemKey[] = ["variants", "products", "collections", "tags"];
const KEY_OF_KIND = {
  variant: "variants",
  product: "products",
  collection: "collections",
} as const;
const NUMERIC_ID_OF_KIND = {
  variant: normalizeVariantId,
  product: normalizeProductId,
  collection: normalizeCollectionId,
} as const;

/**
 * What the notice tells the storefront about single products: each lead-time rule's own estimate
 * (variant, product, collection, tag), and the paused items. Liquid then takes the most specific
 * estimate as the app's lead-time rules do, and a pause wherever one applies.
 */
export function noticeItemsFor(
  rules: LeadTimeRules & { openWeekdays: readonly number[] },
  held: readonly HeldItem[],
): NoticeItems | undefined {
  const items: Record<ItemKey, Record<string, ItemNotice>> = {
    variants: {},
    products: {},
    collections: {},
    tags: {},
  };
  const open = rules.openWeekdays.length;
  const estimate = (key: ItemKey, id: string, businessDays: number) => {
    // The first rule for an id wins, as in leadTimeForItem.
    if (items[key][id]?.estimate) return;
    items[key][id] = { ...items[key][id], estimate: estimateForLeadTime(businessDays, open) };
  };
  for (const o of rules.variantOverrides)
    estimate("variants", normalizeVariantId(o.variantId), o.leadTimeBusinessDays);
  for (const o of rules.productOverrides)
    estimate("products", normalizeProductId(o.productId), o.leadTimeBusinessDays);
  // Several tag or collection rules for one product: the longest wins, which Liquid decides.
  for (const o of rules.collectionOverrides)
    estimate("collections", normalizeCollectionId(o.collectionId), o.leadTimeBusinessDays);
  for (const o of rules.productTagOverrides)
    estimate("tags", normalizeTag(o.tag), o.leadTimeBusinessDays);
  for (const item of held) {
    const key = KEY_OF_KIND[item.kind];
    const id = NUMERIC_ID_OF_KIND[item.kind](item.id);
    items[key][id] = { ...items[key][id], paused: true };
  }
  const present = ITEM_KEYS.filter((key) => Object.keys(items[key]).length > 0);
  if (present.length === 0) return undefined;
  return Object.fromEntries(present.map((key) => [key, items[key]]));
}

const heldFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("hold"),
    ids: z
      .array(z.string().refine((id) => heldKindOf(id) !== null, "Pick a product or collection."))
      .min(1, "Pick at least one product or collection.")
      .max(MAX_HELD_ITEMS),
  }),
  z.object({ intent: z.literal("release"), id: z.string().min(1) }),
]);

export type HeldItemsRequest = z.infer<typeof heldFormSchema>;

/** The page's "pause this one" (`intent=hold`, one `id` per pick) and "resume" (`intent=release`). */
export function parseHeldItemsForm(
  form: FormData,
): { ok: true; request: HeldItemsRequest } | { ok: false; error: string } {
  const ids = form.getAll("id").filter((id) => typeof id === "string");
  const parsed = heldFormSchema.safeParse({ intent: form.get("intent"), ids, id: ids[0] });
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, error: parsed.error.issues[0]?.message ?? "Pick a product or collection." };
}

/** Whether a form is this one (the storefront page's other forms are parsed by mode-form.ts). */
export function isHeldItemsForm(form: FormData): boolean {
  const intent = form.get("intent");
  return intent === "hold" || intent === "release";
}
