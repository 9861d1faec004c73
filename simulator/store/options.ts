import { IANAZone } from "luxon";
import { z } from "zod";
import type { ShopPlan } from "./records";

export interface SeedOptions {
  domain: string;
  name?: string;
  plan?: ShopPlan;
  /** How many orders to create over the 90 days before `now`. */
  orders?: number;
  /** Same options (with the same `now`) give an identical store, byte for byte. */
  seed?: number;
  now?: Date;
  /** IANA time zone of the shop. */
  timezone?: string;
  /** The shop's currency (its catalogue's prices); USD by default. */
  currency?: string;
  /** Buyers from another country who pay in their own currency: which, at what rate, how many. */
  foreignBuyers?: ForeignBuyers;
  /**
   * Buyers who shop in another of the shop's languages (Order.customerLocale), each with its share
   * of orders; the shop publishes those locales (shopLocales). The rest shop in English.
   */
  customerLanguages?: ReadonlyArray<{ locale: string; share: number }>;
}

export interface ForeignBuyers {
  /** The presentment currency they pay in (must differ from the shop's). */
  currency: string;
  /** Presentment units per shop unit, e.g. 0.715 USD per CAD. */
  presentmentPerShop: number;
  /** Share of orders, 0..1. */
  share: number;
}

export interface ResolvedSeedOptions {
  readonly domain: string;
  readonly name: string;
  readonly plan: ShopPlan;
  readonly orders: number;
  readonly seed: number;
  readonly now: Date;
  readonly timezone: string;
  readonly currency: string;
  readonly foreignBuyers: Readonly<ForeignBuyers> | null;
  readonly customerLanguages: ReadonlyArray<{ readonly locale: string; readonly share: number }>;
}

/** Currencies the seed knows a country and a catalogue for. */
export const SEED_CURRENCIES = ["USD", "CAD", "EUR"] as const;

// Options may come from a CLI or a test fixture: check them once, loudly, instead of seeding nonsense.
const seedOptionsSchema = z
  .object({
    domain: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/,
        "domain must be a <name>.myshopify.com domain",
      ),
    name: z.string().min(1).default("Oak & Hide Workshop"),
    plan: z.enum(["STANDARD", "ADVANCED", "PLUS"]).default("STANDARD"),
    orders: z.number().int().min(0).max(1_000_000).default(1200),
    seed: z.number().int().default(1),
    now: z
      .date()
      .refine((date) => !Number.isNaN(date.getTime()), "now must be a valid date")
      .optional(),
    timezone: z
      .string()
      .refine((zone) => IANAZone.isValidZone(zone), "timezone must be an IANA time zone")
      .default("America/New_York"),
    currency: z.enum(SEED_CURRENCIES).default("USD"),
    foreignBuyers: z
      .object({
        currency: z.enum(SEED_CURRENCIES),
        presentmentPerShop: z.number().positive().finite(),
        share: z.number().min(0).max(1),
      })
      .nullish()
      .transform((value) => value ?? null),
    customerLanguages: z
      .array(
        z.object({
          locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, "locale must be like fr or fr-CA"),
          share: z.number().min(0).max(1),
        }),
      )
      .refine(
        (languages) => languages.reduce((sum, l) => sum + l.share, 0) <= 1,
        "customerLanguages shares must add up to 1 at most",
      )
      .default([]),
  })
  .refine(
    (options) =>
      options.foreignBuyers === null || options.foreignBuyers.currency !== options.currency,
    "foreignBuyers.currency must differ from the shop's currency",
  );

export function resolveSeedOptions(options: SeedOptions): ResolvedSeedOptions {
  const parsed = seedOptionsSchema.parse(options);
  return Object.freeze({ ...parsed, now: new Date((parsed.now ?? new Date()).getTime()) });
}
