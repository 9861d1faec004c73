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

export function resolveSeedOptions(options: SeedOptions): ResolvedSeedOptions {
  return Object.freeze({
    domain: options.domain,
    name: options.name ?? "Oak & Hide Workshop",
    plan: options.plan ?? "STANDARD",
    orders: options.orders ?? 1200,
    seed: options.seed ?? 1,
    now: new Date((options.now ?? new Date()).getTime()),
    timezone: options.timezone ?? "America/New_York",
  });
}
