import { describe, expect, it } from "vitest";
import { BucketRegistry, LeakyBucket, PLAN_LIMITS } from "./leaky-bucket";

function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("LeakyBucket", () => {
  it("starts full at the plan's maximum", () => {
    const clock = fakeClock();
    expect(new LeakyBucket(PLAN_LIMITS.STANDARD, clock.now).status()).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000,
      restoreRate: 100,
    });
    expect(PLAN_LIMITS.ADVANCED).toEqual({ maximumAvailable: 4000, restoreRate: 200 });
    expect(PLAN_LIMITS.PLUS).toEqual({ maximumAvailable: 20000, restoreRate: 1000 });
  });

  it("drains, refuses a cost larger than what is left, and takes nothing when refusing", () => {
    const clock = fakeClock();
    const bucket = new LeakyBucket(PLAN_LIMITS.STANDARD, clock.now);
    expect(bucket.tryTake(1000)).toBe(true);
    expect(bucket.tryTake(900)).toBe(true);
    expect(bucket.status().currentlyAvailable).toBe(100);
    expect(bucket.tryTake(101)).toBe(false);
    expect(bucket.status().currentlyAvailable).toBe(100);
    expect(bucket.tryTake(100)).toBe(true);
    expect(bucket.status().currentlyAvailable).toBe(0);
  });

  it("restores at the plan's rate and never above the maximum", () => {
    const clock = fakeClock();
    const bucket = new LeakyBucket(PLAN_LIMITS.STANDARD, clock.now);
    bucket.tryTake(2000);
    clock.advance(2500);
    expect(bucket.status().currentlyAvailable).toBe(250);
    expect(bucket.tryTake(251)).toBe(false);
    clock.advance(10);
    expect(bucket.tryTake(251)).toBe(true);
    clock.advance(60_000);
    expect(bucket.status().currentlyAvailable).toBe(2000);
  });

  it("refunds requested-minus-actual after execution, capped at the maximum", () => {
    const clock = fakeClock();
    const bucket = new LeakyBucket(PLAN_LIMITS.STANDARD, clock.now);
    bucket.tryTake(502);
    expect(bucket.status().currentlyAvailable).toBe(1498);
    bucket.refund(502 - 52);
    expect(bucket.status().currentlyAvailable).toBe(1948);
    bucket.refund(5000);
    expect(bucket.status().currentlyAvailable).toBe(2000);
  });

  it("charges an actual cost above the requested one, never below empty", () => {
    const clock = fakeClock();
    const bucket = new LeakyBucket(PLAN_LIMITS.STANDARD, clock.now);
    bucket.tryTake(1990);
    bucket.refund(-50);
    expect(bucket.status().currentlyAvailable).toBe(0);
  });
});

describe("BucketRegistry", () => {
  it("keeps one bucket per (app, shop)", () => {
    const clock = fakeClock();
    const registry = new BucketRegistry(clock.now);
    const a = registry.bucketFor("app", "a.myshopify.com", "STANDARD");
    expect(registry.bucketFor("app", "a.myshopify.com", "STANDARD")).toBe(a);
    a.tryTake(2000);
    expect(
      registry.bucketFor("app", "b.myshopify.com", "STANDARD").status().currentlyAvailable,
    ).toBe(2000);
    expect(
      registry.bucketFor("other-app", "a.myshopify.com", "STANDARD").status().currentlyAvailable,
    ).toBe(2000);
    expect(registry.bucketFor("app", "c.myshopify.com", "PLUS").status().maximumAvailable).toBe(
      20000,
    );
  });
});
