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
}

export interface ResolvedSeedOptions {
  readonly domain: string;
  readonly name: string;
  readonly plan: ShopPlan;
  readonly orders: number;
  readonly seed: number;
  readonly now: Date;
  readonly timezone: string;
}

// Options may come from a CLI or a test fixture: check them once, loudly, instead of seeding nonsense.
const seedOptionsSchema = z.object({
  domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "domain must be a <name>.myshopify.com domain"),
  name: z.string().min(1).default("Oak & Hide Workshop"),
  plan: z.enum(["STANDARD", "ADVANCED", "PLUS"]).default("STANDARD"),
  orders: z.number().int().min(0).max(1_000_000).default(1200),
  seed: z.number().int().default(1),
  now: z.date().refine((date) => !Number.isNaN(date.getTime()), "now must be a valid date").optional(),
  timezone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), "timezone must be an IANA time zone")
    .default("America/New_York"),
});

export function resolveSeedOptions(options: SeedOptions): ResolvedSeedOptions {
  const parsed = seedOptionsSchema.parse(options);
  return Object.freeze({ ...parsed, now: new Date((parsed.now ?? new Date()).getTime()) });
}
