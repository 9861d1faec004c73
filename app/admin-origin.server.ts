// The one seam between the app and a simulated Shopify. @shopify/shopify-api sends every Admin
// request (GraphQL, token exchange) through its runtime fetch; against the simulator that fetch
// rewrites https://<shop>.myshopify.com/<path> to <origin>/<shop>.myshopify.com/<path>. Nothing else
// in the app knows whether it talks to Shopify or to the simulator.
import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

export function rewriteToAdminOrigin(url: string, adminOrigin: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || !SHOP_HOST.test(parsed.hostname)) return url;
  const origin = adminOrigin.replace(/\/+$/, "");
  return `${origin}/${parsed.hostname}${parsed.pathname}${parsed.search}`;
}

let installedFor: string | undefined;

/** Route Shopify Admin traffic to `adminOrigin`. Idempotent; call after the library's adapter import. */
export function routeAdminTrafficTo(adminOrigin: string): void {
  if (installedFor === adminOrigin) return;
  if (installedFor !== undefined) {
    throw new Error(
      "The Admin origin is already set for this process; it cannot change at run time.",
    );
  }
  const upstream = abstractFetch;
  setAbstractFetchFunc((input, init) => {
    if (input instanceof Request)
      return upstream(new Request(rewriteToAdminOrigin(input.url, adminOrigin), input), init);
    return upstream(rewriteToAdminOrigin(String(input), adminOrigin), init);
  });
  installedFor = adminOrigin;
}

/** Where the embedded UI loads App Bridge from: Shopify's CDN, or the simulator's stand-in. */
export function appBridgeScriptUrl(adminOrigin: string | undefined): string {
  return adminOrigin
    ? `${adminOrigin.replace(/\/+$/, "")}/cdn/app-bridge.js`
    : "https://cdn.shopify.com/shopifycloud/app-bridge.js";
}
