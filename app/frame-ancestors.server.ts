// Shopify's library allows only Shopify admin to frame the app (Content-Security-Policy
// frame-ancestors). The simulator plays Shopify admin on its own origin, so when one is configured
// it is allowed too; in production SHOPIFY_ADMIN_ORIGIN is unset and the header is left untouched.
export function allowAdminOriginToFrame(headers: Headers, adminOrigin: string | undefined): void {
  if (!adminOrigin) return;
  const csp = headers.get("Content-Security-Policy");
  if (!csp || !csp.includes("frame-ancestors")) return;
  headers.set(
    "Content-Security-Policy",
    csp.replace("frame-ancestors", `frame-ancestors ${new URL(adminOrigin).origin}`),
  );
  // The library also preloads App Bridge from Shopify's CDN, which the simulator replaces.
  headers.delete("Link");
}
