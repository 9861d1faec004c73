// Shopify's app proxy, simulated: a shopper's request to https://<shop>/apps/delay-desk/<path>
// (here /<shop>/storefront/apps/delay-desk/<path>) is forwarded to the app's proxy URL
// (<appUrl>/proxy/<path>) with the parameters Shopify adds — shop, path_prefix, timestamp,
// logged_in_customer_id — and `signature`: the hex HMAC-SHA256, keyed by the app secret, of the
// query's key=value pairs sorted by key and joined with nothing (multiple values joined by ",").
// The signature is computed here independently of the app and its library, so the app's check is
// really tested against the documented algorithm.
import { createHmac } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const APP_PROXY_PREFIX = "/apps/delay-desk";

export function appProxySignature(query: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of query) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** The query Shopify sends the app for a shopper's query `original`, signed. */
export function signedProxyQuery(
  original: URLSearchParams,
  options: { shop: string; secret: string; customerId?: string | null; now?: Date },
): URLSearchParams {
  const query = new URLSearchParams(original);
  for (const key of ["shop", "path_prefix", "timestamp", "logged_in_customer_id", "signature"])
    query.delete(key);
  query.set("shop", options.shop);
  query.set("logged_in_customer_id", options.customerId ?? "");
  query.set("path_prefix", APP_PROXY_PREFIX);
  query.set("timestamp", String(Math.floor((options.now ?? new Date()).getTime() / 1000)));
  query.set("signature", appProxySignature(query, options.secret));
  return query;
}

export interface ProxyReply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/**
 * Handles `/<shop>/storefront/apps/delay-desk/*` (`subpath` is what follows the prefix), or
 * returns null for any other storefront path.
 */
export async function forwardAppProxy(input: {
  request: IncomingMessage;
  shop: string;
  subpath: string;
  url: URL;
  app: { appUrl: string; apiSecret: string };
}): Promise<ProxyReply | null> {
  if (input.subpath !== APP_PROXY_PREFIX && !input.subpath.startsWith(`${APP_PROXY_PREFIX}/`))
    return null;
  const rest = input.subpath.slice(APP_PROXY_PREFIX.length) || "/";
  const target = new URL(`/proxy${rest === "/" ? "" : rest}`, input.app.appUrl);
  target.search = signedProxyQuery(input.url.searchParams, {
    shop: input.shop,
    secret: input.app.apiSecret,
  }).toString();
  const method = input.request.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : await readBody(input.request);
  const contentType = input.request.headers["content-type"];
  let response: Response;
  try {
    response = await fetch(target, {
      method,
      redirect: "manual",
      headers: {
        ...(contentType ? { "Content-Type": contentType } : {}),
        "X-Forwarded-Host": input.shop,
      },
      ...(body ? { body: new Uint8Array(body) } : {}),
    });
  } catch {
    return {
      status: 502,
      body: "The app behind this page did not answer.",
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    };
  }
  // Shopify renders application/liquid inside the theme; the simulator has no theme shell, so it
  // passes every answer through as it came.
  const headers: Record<string, string> = {
    "Content-Type": response.headers.get("content-type") ?? "text/html; charset=utf-8",
  };
  const location = response.headers.get("location");
  if (location) headers.Location = location;
  return { status: response.status, body: await response.text(), headers };
}
