// The contract between the app (which writes the storefront notice) and the theme app extension
// (which reads it in Liquid as `app.metafields.delay_desk.storefront_notice.value`). It is an
// app-data metafield: owned by the AppInstallation, so no merchant or other app can overwrite it,
// and Liquid reads it while rendering the page, so the storefront makes no extra request.
// Liquid cannot validate anything, so every write goes through this schema first; the blocks
// then only have to check `version` and `mode`.
import { z } from "zod";
import { jsonMetafieldInput, parseJsonMetafield } from "./json-metafield";

export const NOTICE_METAFIELD = {
  namespace: "delay_desk",
  key: "storefront_notice",
  type: "json",
} as const;

// Bumped only on a breaking change; the Liquid renders nothing for a version it does not know
// rather than showing shoppers a half-understood notice.
export const NOTICE_VERSION = 1;

// Calendar dates, not instants: the app writes the date in the shop's time zone and the Liquid
// prints it as is. Shopify's `date` filter would convert a bare date to the shop's zone and can
// move it by a day.
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "not a real calendar date");

// A relative range ("1–2 weeks") stays true every day without a daily rewrite; the app picks the
// unit so the Liquid never has to do arithmetic.
export const noticeEstimateSchema = z
  .object({
    min: z.number().int().min(1).max(365),
    max: z.number().int().min(1).max(365),
    unit: z.enum(["days", "weeks"]),
  })
  .strict()
  .refine((e) => e.max >= e.min, { message: "max must be at least min", path: ["max"] });

// Shown after the standard sentence, never instead of it, so the estimate is always visible.
const merchantMessage = z.string().trim().min(1).max(280);

// What the notice says about one product, variant, collection or tag on its own: paused (the
// checkout validation refuses it; the product's page says so) and/or its own lead time as a
// buyer-facing range, from its lead-time rule. Keyed by numeric id (tags: lower-cased), because
// Liquid compares `product.id` and `collection.id`, which are numbers, not GIDs.
export const itemNoticeSchema = z
  .object({ paused: z.literal(true).optional(), estimate: noticeEstimateSchema.optional() })
  .strict()
  .refine((item) => item.paused === true || item.estimate !== undefined, {
    message: "an item notice says something",
  });

const itemMap = z.record(z.string().regex(/^\S+$/), itemNoticeSchema);

export const noticeItemsSchema = z
  .object({
    variants: itemMap.optional(),
    products: itemMap.optional(),
    collections: itemMap.optional(),
    tags: itemMap.optional(),
  })
  .strict();

const base = {
  version: z.literal(NOTICE_VERSION),
  updatedAt: z.string().datetime({ offset: true }),
  items: noticeItemsSchema.optional(),
};

export const storefrontNoticeSchema = z.discriminatedUnion("mode", [
  z
    .object({ ...base, mode: z.literal("normal"), estimate: noticeEstimateSchema.optional() })
    .strict(),
  z
    .object({
      ...base,
      mode: z.literal("delayed"),
      estimate: noticeEstimateSchema,
      message: merchantMessage.optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      mode: z.literal("paused"),
      // null: paused until further notice.
      pausedUntil: calendarDate.nullable(),
      message: merchantMessage.optional(),
      // The "Tell me when you reopen" form under the pause sentence. Only `false` is ever
      // written (the merchant turned it off); absent means on, so notices written before this
      // field existed still parse and still offer the form.
      waitlist: z.literal(false).optional(),
    })
    .strict(),
]);

export type StorefrontNotice = z.infer<typeof storefrontNoticeSchema>;
export type NoticeEstimate = z.infer<typeof noticeEstimateSchema>;
export type ItemNotice = z.infer<typeof itemNoticeSchema>;
export type NoticeItems = z.infer<typeof noticeItemsSchema>;
export type NoticeMode = StorefrontNotice["mode"];

/**
 * Reads a stored value (the metafield's JSON string, or an already parsed object).
 * Anything that does not match the contract is treated as "no notice", so a bad write can never
 * put a broken banner on a storefront.
 */
export function parseStorefrontNotice(value: unknown): StorefrontNotice | null {
  return parseJsonMetafield(storefrontNoticeSchema, value);
}

/** The `MetafieldsSetInput` for `metafieldsSet`, owner = `currentAppInstallation.id`. */
export function noticeMetafieldInput(appInstallationId: string, notice: StorefrontNotice) {
  return jsonMetafieldInput(NOTICE_METAFIELD, storefrontNoticeSchema, appInstallationId, notice);
}
