// Shopify's counts of the shop's open orders (waiting to ship, partly shipped) for the dashboard's
// last line, which asks for them once it is live in the browser (app/dashboard/shopify-counts.tsx)
// instead of having them streamed into its document: a click while that stream was still open was
// a React update on a Suspense boundary not yet hydrated, React's error #421
// (docs/decisions/018-counts-after-hydration.md). Authenticated as every admin page is, and the
// shop is the session's, so no shop reads another's counts; the answer holds the counts and nothing
// else. A count Shopify could not give is `null`, which the page shows as a dash, as before.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recentShopOrderCounts } from "../home/shop-overview.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  // At most a minute old (home/shop-overview.server.ts): a return visit does not make Shopify
  // count every open order again.
  const counts = await recentShopOrderCounts(admin, session.shop).catch(() => null);
  // Per merchant and live: no shared cache may keep it.
  return Response.json({ counts }, { headers: { "Cache-Control": "private, no-store" } });
};
