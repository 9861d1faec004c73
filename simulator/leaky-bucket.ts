// Shopify's GraphQL Admin rate limit: one leaky bucket per (app, shop), sized by the shop's plan.
// A request must fit in what is available now; it is charged its requested cost up front and
// refunded the part it did not use once the actual cost is known.
export type BucketPlan = "STANDARD" | "ADVANCED" | "PLUS";

export interface BucketLimits {
  maximumAvailable: number;
  restoreRate: number;
}

export const PLAN_LIMITS: Readonly<Record<BucketPlan, BucketLimits>> = {
  STANDARD: { maximumAvailable: 2000, restoreRate: 100 },
  ADVANCED: { maximumAvailable: 4000, restoreRate: 200 },
  PLUS: { maximumAvailable: 20000, restoreRate: 1000 },
};

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export type Clock = () => number;

export class LeakyBucket {
  private available: number;
  private lastRestoreAt: number;

  constructor(
    readonly limits: BucketLimits,
    private readonly clock: Clock = Date.now,
  ) {
    this.available = limits.maximumAvailable;
    this.lastRestoreAt = clock();
  }

  private restore(): void {
    const now = this.clock();
    const elapsedSeconds = Math.max(0, now - this.lastRestoreAt) / 1000;
    this.available = Math.min(
      this.limits.maximumAvailable,
      this.available + elapsedSeconds * this.limits.restoreRate,
    );
    this.lastRestoreAt = now;
  }

  /** Takes `cost` points if they are available now; false (and nothing taken) otherwise. */
  tryTake(cost: number): boolean {
    this.restore();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Gives back points charged but not used; a negative amount charges more, never below empty. */
  refund(points: number): void {
    this.restore();
    this.available = Math.min(this.limits.maximumAvailable, Math.max(0, this.available + points));
  }

  status(): ThrottleStatus {
    this.restore();
    // Shopify reports whole points; keeping the fraction internally keeps restores exact.
    return {
      maximumAvailable: this.limits.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.limits.restoreRate,
    };
  }
}

/** One bucket per (app, shop): calls from one app never throttle another, nor one shop another. */
export class BucketRegistry {
  private readonly buckets = new Map<string, LeakyBucket>();

  constructor(private readonly clock: Clock = Date.now) {}

  bucketFor(apiKey: string, shop: string, plan: BucketPlan): LeakyBucket {
    const key = `${apiKey}\u0000${shop}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new LeakyBucket(PLAN_LIMITS[plan], this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
