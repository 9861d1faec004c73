// The shop's promise and capacity rules, as the settings page saves them (JSON). Everything
// that reads them goes through `parseShopRules` so a hand-edited or old row fails loudly
// here, not as a wrong date three modules later.
import { IANAZone } from "luxon";
import { z } from "zod";
import { localDateSchema, type IsoWeekday } from "./local-date";

export const WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

export function weekdayKey(weekday: IsoWeekday): WeekdayKey {
  const key = WEEKDAY_KEYS[weekday - 1];
  if (key === undefined) throw new RangeError(`Not an ISO weekday: ${weekday}`);
  return key;
}

const businessDays = z.number().int().min(0).max(365);

export const timeZoneSchema = z
  .string()
  .min(1)
  .refine((zone) => IANAZone.isValidZone(zone), { message: "Unknown IANA time zone" });

/** "HH:MM", 24-hour, shop-local wall-clock time. */
export const cutOffTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Expected HH:MM (24-hour)" });

const closureRange = z
  .object({ label: z.string().trim().min(1).max(80), from: localDateSchema, to: localDateSchema })
  .refine((closure) => closure.from <= closure.to, {
    message: "A closure must end on or after its start",
  });

// A single closed day is accepted as `{ label, date }` and stored as a one-day range, so the
// calendar has one shape to deal with.
const closureSingle = z
  .object({ label: z.string().trim().min(1).max(80), date: localDateSchema })
  .transform(({ label, date }) => ({ label, from: date, to: date }));

export const closureSchema = z.union([closureRange, closureSingle]);
export type Closure = z.output<typeof closureSchema>;

/** Largest accepted sd / mean; the settings page states it as a percentage (300 %). */
export const MAX_COEFFICIENT_OF_VARIATION = 3;

const perWeekdaySchema = z.object({
  mon: z.number().min(0),
  tue: z.number().min(0),
  wed: z.number().min(0),
  thu: z.number().min(0),
  fri: z.number().min(0),
  sat: z.number().min(0),
  sun: z.number().min(0),
});

export const capacitySchema = z.object({
  /** "units": capacity counts items made/packed per day; "orders": orders shipped per day. */
  unit: z.enum(["units", "orders"]),
  /** Mean output on an open day of that weekday. Ignored on closed weekdays and closures. */
  perWeekday: perWeekdaySchema,
  /** Day-to-day variability as sd / mean, used when the output history is too short. */
  coefficientOfVariation: z.number().min(0).max(MAX_COEFFICIENT_OF_VARIATION),
  /** Actual output on past open days; when long enough, its variability replaces the CV above. */
  outputHistory: z
    .array(z.object({ date: localDateSchema, output: z.number().min(0) }))
    .max(400)
    .default([]),
});
export type CapacityRules = z.output<typeof capacitySchema>;

function gidOf(type: "Product" | "ProductVariant") {
  return z
    .string()
    .trim()
    .regex(new RegExp(`^gid://shopify/${type}/\\d+$`), {
      message: `Expected a ${type === "Product" ? "product" : "variant"} picked in Shopify`,
    });
}

function unique<T>(key: (item: T) => string) {
  return (items: readonly T[]) => new Set(items.map(key)).size === items.length;
}

export const shopRulesSchema = z.object({
  timeZone: timeZoneSchema,
  defaultLeadTimeBusinessDays: businessDays,
  productTagOverrides: z
    .array(z.object({ tag: z.string().trim().min(1), leadTimeBusinessDays: businessDays }))
    .default([]),
  collectionOverrides: z
    .array(z.object({ collectionId: z.string().trim().min(1), leadTimeBusinessDays: businessDays }))
    .default([]),
  // Picked with the admin's resource picker, so always Shopify GIDs; a bare number or another
  // type's GID is a form bug, refused here rather than silently matching nothing.
  productOverrides: z
    .array(z.object({ productId: gidOf("Product"), leadTimeBusinessDays: businessDays }))
    .max(500)
    .refine(
      unique((o) => o.productId),
      { message: "Each product at most once" },
    )
    .default([]),
  variantOverrides: z
    .array(z.object({ variantId: gidOf("ProductVariant"), leadTimeBusinessDays: businessDays }))
    .max(500)
    .refine(
      unique((o) => o.variantId),
      { message: "Each variant at most once" },
    )
    .default([]),
  cutOffTime: cutOffTimeSchema,
  openWeekdays: z
    .array(z.number().int().min(1).max(7))
    // A shop with no open weekday could never promise anything; make the settings page say so.
    .min(1)
    .max(7)
    .refine((days) => new Set(days).size === days.length, { message: "Each weekday at most once" })
    // Widen after validation: zod cannot express a numeric literal union from min/max.
    .transform((days) => days.filter(isIsoWeekday)),
  closures: z.array(closureSchema).max(500).default([]),
  capacity: capacitySchema,
  /** Probability that the conservative date is met; 0.9 = the 90th-percentile date. */
  conservativeConfidence: z.number().min(0.5).max(0.999).default(0.9),
});

export type ShopRules = z.output<typeof shopRulesSchema>;
/** What the settings page may send: single-day closures and omitted defaults allowed. */
export type ShopRulesInput = z.input<typeof shopRulesSchema>;

function isIsoWeekday(day: number): day is IsoWeekday {
  return Number.isInteger(day) && day >= 1 && day <= 7;
}

export function parseShopRules(input: unknown): ShopRules {
  return shopRulesSchema.parse(input);
}

/**
 * A small hand-made shop: one workshop on the US east coast, "ships in about two weeks",
 * Monday to Friday, a dozen pieces a day with a fair bit of day-to-day wobble.
 */
export const DEFAULT_SHOP_RULES: ShopRules = parseShopRules({
  timeZone: "America/New_York",
  defaultLeadTimeBusinessDays: 10,
  productTagOverrides: [],
  collectionOverrides: [],
  productOverrides: [],
  variantOverrides: [],
  cutOffTime: "14:00",
  openWeekdays: [1, 2, 3, 4, 5],
  closures: [],
  capacity: {
    unit: "units",
    perWeekday: { mon: 12, tue: 12, wed: 12, thu: 12, fri: 12, sat: 0, sun: 0 },
    coefficientOfVariation: 0.25,
    outputHistory: [],
  },
  conservativeConfidence: 0.9,
});
