// The dashboard's line of Shopify's own counts (orders waiting to ship, partly shipped). Counting
// every open order is the slow part of the overview at 100k orders (issue 15 point 5), so the
// dashboard's document never waits for it, nor streams it in: the line asks /app/shop-counts once
// the page is live, and a click meanwhile is an ordinary navigation (a streamed part still on its
// way made it React's error #421; docs/decisions/018-counts-after-hydration.md). Until the answer
// comes, a placeholder of the line's own height keeps its place, so nothing moves when it arrives.
// Whatever goes wrong (Shopify could not count, the request failed) shows a dash, as it always has.
import { SkeletonBodyText, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { ShopOrderCounts } from "../home/shop-overview.server";

export const SHOP_COUNTS_PATH = "/app/shop-counts";

type Count = ShopOrderCounts["unshipped"];

function readCount(value: unknown): Count | null {
  if (typeof value !== "object" || value === null) return null;
  const count: unknown = Reflect.get(value, "count");
  const precision: unknown = Reflect.get(value, "precision");
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return null;
  if (precision !== "EXACT" && precision !== "AT_LEAST") return null;
  return { count, precision };
}

/**
 * The counts in /app/shop-counts' answer (`{ counts: … | null }`), or null for anything else.
 * Checked by hand: zod is not in the dashboard's browser bundle, and this is all it would check.
 */
export function readShopCountsAnswer(body: unknown): ShopOrderCounts | null {
  if (typeof body !== "object" || body === null) return null;
  const counts: unknown = Reflect.get(body, "counts");
  if (typeof counts !== "object" || counts === null) return null;
  const unshipped = readCount(Reflect.get(counts, "unshipped"));
  const partial = readCount(Reflect.get(counts, "partial"));
  return unshipped && partial ? { unshipped, partial } : null;
}

export function formatCount({ count, precision }: Count): string {
  return `${count.toLocaleString("en-US")}${precision === "AT_LEAST" ? "+" : ""}`;
}

// One line of body text (Polaris bodyMd's line height), kept whether the line shows a
// placeholder or the counts.
const LINE_HEIGHT = "var(--p-font-line-height-500)";

/** Shopify's counts, fetched after hydration; a placeholder until then, a dash if none came. */
export function ShopifyCounts() {
  // undefined: not answered yet; null: no counts to show.
  const [counts, setCounts] = useState<ShopOrderCounts | null | undefined>(undefined);
  useEffect(() => {
    const request = new AbortController();
    // Same origin: App Bridge's fetch adds the session token, as for the page's own requests.
    fetch(SHOP_COUNTS_PATH, { headers: { Accept: "application/json" }, signal: request.signal })
      .then((response): Promise<unknown> => (response.ok ? response.json() : Promise.resolve(null)))
      .then((body) => setCounts(readShopCountsAnswer(body)))
      .catch(() => {
        // Aborted: the merchant left the page, there is nothing left to show it on.
        if (!request.signal.aborted) setCounts(null);
      });
    return () => request.abort();
  }, []);
  return (
    // Polite: a screen reader says the counts when they come, without interrupting.
    <div
      data-shopify-counts=""
      aria-busy={counts === undefined}
      aria-live="polite"
      style={{ minHeight: LINE_HEIGHT }}
    >
      {counts === undefined ? (
        <div
          style={{
            maxWidth: "20rem",
            // The bar (Polaris's --p-space-200 high) centred in the line it stands for.
            paddingBlock: `calc((${LINE_HEIGHT} - var(--p-space-200)) / 2)`,
          }}
        >
          <SkeletonBodyText lines={1} />
          <Text as="span" visuallyHidden>
            Counting Shopify&apos;s open orders
          </Text>
        </div>
      ) : (
        <Text as="p" tone="subdued">
          In Shopify: Orders waiting to ship {counts ? formatCount(counts.unshipped) : "—"} · Partly
          shipped {counts ? formatCount(counts.partial) : "—"}
        </Text>
      )}
    </div>
  );
}
