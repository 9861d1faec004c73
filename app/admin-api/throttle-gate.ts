// Paces Admin API calls for one shop by Shopify's leaky bucket, read from every answer's
// extensions.cost.throttleStatus rather than assumed: the same code then runs at Standard's
// 100 points/s and Plus's 1,000. Calls in flight have already claimed their cost, so the gate
// subtracts them from what the bucket had when it was last seen; otherwise N workers would all
// see "enough" and all be throttled. Concurrency starts at one and grows only while the bucket
// stays healthy, so a small shop's budget is never spent on a burst of parallel requests.
// Pure: time and sleeping come from outside, so tests drive it with a fake clock. Time that
// passed is at least what the gate itself slept, so a sleep that only advances a simulated clock
// (tests, the bench) still refills the bucket as Shopify's does.
//
// Shopify's answer carries the bucket in `extensions.cost` (https://shopify.dev/docs/api/usage/
// limits#graphql-admin-api-rate-limits): requestedQueryCost, actualQueryCost and throttleStatus
// {maximumAvailable, currentlyAvailable, restoreRate}. This is the one place that reads it.
import { z } from "zod";

const throttleStatusSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number().positive(),
});
const costSchema = z.object({
  requestedQueryCost: z.number().nullable().optional(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: throttleStatusSchema,
});
const bodyCostSchema = z.object({
  extensions: z.object({ cost: costSchema }).passthrough(),
});

export type ThrottleStatus = z.infer<typeof throttleStatusSchema>;
export type QueryCost = z.infer<typeof costSchema>;

/** `extensions.cost` of an answer (or of a GraphqlQueryError's body), when it has one. */
export function queryCost(body: unknown): QueryCost | null {
  const parsed = bodyCostSchema.safeParse(body);
  return parsed.success ? parsed.data.extensions.cost : null;
}

export interface ThrottleGateOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  maxConcurrency?: number;
  initialConcurrency?: number;
}

export class ThrottleGate {
  private status: ThrottleStatus | null = null;
  private seenAt = 0;
  /** How long since the status was seen, as far as the gate's own sleeping tells. */
  private sleptSinceSeen = 0;
  /** Counts statuses seen, so a sleep that began before the latest one credits nothing. */
  private seenCount = 0;
  /** Everything the gate has slept, for the callers' statistics. */
  waitedMs = 0;
  private reserved = 0;
  private inFlight = 0;
  private concurrencyNow: number;
  private readonly maxConcurrency: number;
  private readonly slotWaiters: Array<() => void> = [];

  constructor(private readonly options: ThrottleGateOptions) {
    this.maxConcurrency = Math.max(1, options.maxConcurrency ?? 8);
    this.concurrencyNow = Math.min(
      this.maxConcurrency,
      Math.max(1, options.initialConcurrency ?? 1),
    );
  }

  get concurrency(): number {
    return this.concurrencyNow;
  }

  /** Points the bucket should hold now, less what calls in flight have claimed. */
  available(): number | null {
    if (!this.status) return null;
    const elapsed = this.elapsedMs() / 1000;
    const refilled = Math.min(
      this.status.maximumAvailable,
      this.status.currentlyAvailable + elapsed * this.status.restoreRate,
    );
    return refilled - this.reserved;
  }

  /** How long a call costing `cost` must wait for the bucket: (cost − available) / restoreRate. */
  waitMs(cost: number): number {
    const available = this.available();
    if (available === null || this.status === null || available >= cost) return 0;
    return Math.ceil(((cost - available) / this.status.restoreRate) * 1000);
  }

  /** Waits for a free slot and enough bucket, then claims `cost`. Pair with `release`. */
  async acquire(cost: number): Promise<void> {
    for (;;) {
      if (this.inFlight >= this.concurrencyNow) {
        await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
        continue;
      }
      // Before the first answer nothing is known: let exactly one call through to learn the bucket.
      if (this.status === null && this.inFlight > 0) {
        await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
        continue;
      }
      const wait = this.waitMs(cost);
      if (wait > 0) {
        await this.pause(wait);
        continue;
      }
      this.inFlight += 1;
      this.reserved += cost;
      return;
    }
  }

  /** Ends a call: gives back its claim and learns the bucket from the answer, when there was one. */
  release(cost: number, status: ThrottleStatus | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.reserved = Math.max(0, this.reserved - cost);
    if (status) this.observe(status, cost);
    this.wakeOne();
  }

  /**
   * A THROTTLED answer: the bucket is lower than we thought. Returns how long to wait before the
   * same call is tried again, and halves concurrency so the workers stop competing for it.
   */
  throttled(cost: number, status: ThrottleStatus | null): number {
    this.concurrencyNow = Math.max(1, Math.floor(this.concurrencyNow / 2));
    if (status) {
      this.see(status);
      return Math.ceil((Math.max(0, cost - status.currentlyAvailable) / status.restoreRate) * 1000);
    }
    // No status in the answer: Standard restores 100 points a second, enough for any one mutation.
    return 1000;
  }

  /**
   * Sleeps `ms` and counts it as time the bucket had to refill. Calls sleeping side by side overlap:
   * they credit the latest end among them, not the sum.
   */
  async pause(ms: number): Promise<void> {
    this.waitedMs += ms;
    const seen = this.seenCount;
    const end = this.elapsedMs() + ms;
    await this.options.sleep(ms);
    if (seen === this.seenCount) this.sleptSinceSeen = Math.max(this.sleptSinceSeen, end);
  }

  private elapsedMs(): number {
    return Math.max(this.options.now() - this.seenAt, this.sleptSinceSeen, 0);
  }

  private see(status: ThrottleStatus): void {
    this.status = status;
    this.seenAt = this.options.now();
    this.sleptSinceSeen = 0;
    this.seenCount += 1;
  }

  private observe(status: ThrottleStatus, cost: number): void {
    this.see(status);
    const after = status.currentlyAvailable - this.reserved;
    if (after >= status.maximumAvailable / 2)
      this.concurrencyNow = Math.min(this.maxConcurrency, this.concurrencyNow + 1);
    else if (after < cost * this.concurrencyNow)
      this.concurrencyNow = Math.max(1, this.concurrencyNow - 1);
    this.wakeAll();
  }

  private wakeOne(): void {
    this.slotWaiters.shift()?.();
  }

  private wakeAll(): void {
    for (const wake of this.slotWaiters.splice(0)) wake();
  }
}
