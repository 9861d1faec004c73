import { describe, expect, it } from "vitest";
import { perShopCache } from "./per-shop-cache.server";

function counter() {
  const calls: string[] = [];
  return {
    calls,
    load: (shop: string, value: string) => () => {
      calls.push(shop);
      return Promise.resolve(value);
    },
  };
}

describe("perShopCache", () => {
  it("answers a shop from the kept value until its time is up, then asks again", async () => {
    let now = 0;
    const cache = perShopCache<string>({ ttlMs: 1000, now: () => now });
    const { calls, load } = counter();
    expect(await cache.get("a.myshopify.com", load("a.myshopify.com", "UTC"))).toBe("UTC");
    now = 999;
    expect(await cache.get("a.myshopify.com", load("a.myshopify.com", "changed"))).toBe("UTC");
    now = 1000;
    expect(await cache.get("a.myshopify.com", load("a.myshopify.com", "changed"))).toBe("changed");
    expect(calls).toEqual(["a.myshopify.com", "a.myshopify.com"]);
  });

  it("never answers one shop with another's value", async () => {
    const cache = perShopCache<string>({ ttlMs: 60_000 });
    await cache.get("a.myshopify.com", () => Promise.resolve("Europe/Paris"));
    expect(await cache.get("b.myshopify.com", () => Promise.resolve("Asia/Tokyo"))).toBe(
      "Asia/Tokyo",
    );
  });

  it("shares one load between callers in flight together, and keeps no failure", async () => {
    const cache = perShopCache<string>({ ttlMs: 60_000 });
    let calls = 0;
    let fail = true;
    const load = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error("Shopify said no");
      return "UTC";
    };
    const both = await Promise.allSettled([cache.get("a", load), cache.get("a", load)]);
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    fail = false;
    expect(await cache.get("a", load)).toBe("UTC");
    expect(calls).toBe(2);
  });

  it("takes a value learnt elsewhere, forgets on demand, and drops the oldest shop beyond its bound", async () => {
    const cache = perShopCache<string>({ ttlMs: 60_000, maxShops: 2 });
    const { calls, load } = counter();
    cache.remember("a", "A");
    expect(await cache.get("a", load("a", "fresh"))).toBe("A");
    cache.forget("a");
    expect(await cache.get("a", load("a", "fresh"))).toBe("fresh");
    cache.remember("b", "B");
    cache.remember("c", "C");
    expect(await cache.get("c", load("c", "x"))).toBe("C");
    expect(await cache.get("a", load("a", "again"))).toBe("again");
    expect(calls).toEqual(["a", "a"]);
  });
});
