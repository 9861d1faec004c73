// What Shopify says about a shop that changes rarely (its time zone, name, currency), kept in the
// process for a few minutes, so an admin page does not wait on an Admin API round trip before its
// first byte on every visit (issue 15 point 5: the dashboard's first byte waited on two). Keyed by
// the shop of the verified session, so one shop never reads another's answer. Loads of the same
// shop in flight at once share one call; a failed load is not kept. Bounded: the oldest shops go
// first once `maxShops` are kept.
export interface PerShopCache<T> {
  /** The kept answer for `shop`, else `load()`'s, which is then kept for the cache's lifetime. */
  get(shop: string, load: () => Promise<T>): Promise<T>;
  /** Keeps an answer learnt elsewhere (a page that asked Shopify anyway, a save). */
  remember(shop: string, value: T): void;
  forget(shop: string): void;
}

export interface PerShopCacheOptions {
  ttlMs: number;
  maxShops?: number;
  now?: () => number;
}

export function perShopCache<T>({
  ttlMs,
  maxShops = 1000,
  now = Date.now,
}: PerShopCacheOptions): PerShopCache<T> {
  const kept = new Map<string, { value: T; until: number }>();
  const inFlight = new Map<string, Promise<T>>();

  const remember = (shop: string, value: T) => {
    kept.delete(shop);
    if (kept.size >= maxShops) {
      const oldest = kept.keys().next();
      if (!oldest.done) kept.delete(oldest.value);
    }
    kept.set(shop, { value, until: now() + ttlMs });
  };

  return {
    get(shop, load) {
      const entry = kept.get(shop);
      if (entry && entry.until > now()) return Promise.resolve(entry.value);
      let pending = inFlight.get(shop);
      if (!pending) {
        pending = load()
          .then((value) => {
            remember(shop, value);
            return value;
          })
          .finally(() => inFlight.delete(shop));
        inFlight.set(shop, pending);
      }
      return pending;
    },
    remember,
    forget(shop) {
      kept.delete(shop);
    },
  };
}
