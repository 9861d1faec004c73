// The customer's order status page, as far as Delay Desk's block on it goes: what a shopper sees
// under "Shipping update" on https://<shop>/account/orders/<id>. It runs the extension's own logic
// (extensions/order-status: its Customer Account API query, executed by the simulator's stand-in
// against Shopify's customer_2026-10 schema, then its pure view and its English strings), so the
// page shows exactly what the block decides from the order's app metafield. Only the Preact/Polaris
// rendering is replaced by plain HTML; the block itself is built by `shopify app build`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadOrderFacts } from "order-status/src/order-status-query";
import { orderStatusView } from "order-status/src/order-status-view";
import { customerAccountFetch } from "../customer-account-api";
import type { ShopStore } from "../store/shop-store";
import { rewriteShopLinks } from "../mail/outbox-page";

const LOCALE = path.resolve(
  import.meta.dirname,
  "../../extensions/order-status/locales/en.default.json",
);
const stringsSchema = z.record(z.string(), z.string());

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function translate(
  strings: Record<string, string>,
  key: string,
  vars: Record<string, string> = {},
) {
  return (strings[key] ?? key).replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (_m, name: string) => vars[name] ?? "",
  );
}

/** The order whose name (#1031) is given, as its status page shows it to its own customer. */
export async function renderOrderStatusPage(
  store: ShopStore,
  orderName: string,
  origin: string,
): Promise<string | null> {
  const order = store.orders.find((o) => o.name === orderName);
  if (!order) return null;
  const strings = stringsSchema.parse(JSON.parse(readFileSync(LOCALE, "utf8")));
  // The customer viewing the page is the order's own: the stand-in answers only their orders.
  const facts = await loadOrderFacts(
    customerAccountFetch(store, { customerOrderIds: [order.id] }),
    `gid://shopify/Order/${order.id}`,
  );
  const view = orderStatusView(facts);
  const block =
    view.kind === "none"
      ? `<p data-testid="order-status-empty"><em>Delay Desk's block shows nothing for this order.</em></p>`
      : `<section data-testid="order-status-block" style="border:1px solid #ccc;border-radius:8px;padding:1rem">
<h2>${escapeHtml(translate(strings, "heading"))}</h2>
${view.lines.map((line) => `<p>${escapeHtml(translate(strings, line.key, line.vars))}</p>`).join("\n")}
${view.actions
  .map(
    (action) =>
      `<a href="${escapeHtml(rewriteShopLinks(action.href, origin))}" style="display:inline-block;margin-right:8px;padding:8px 14px;border-radius:6px;${action.primary ? "background:#2c6e49;color:#fff" : "border:1px solid #8a2c2c;color:#8a2c2c"};text-decoration:none">${escapeHtml(translate(strings, action.key))}</a>`,
  )
  .join("")}
</section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Order ${escapeHtml(order.name)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem">
<p><small>Simulated customer account: the order status page of ${escapeHtml(store.shop.myshopifyDomain)}</small></p>
<h1>Order ${escapeHtml(order.name)}</h1>
<p>Status in Shopify: ${escapeHtml(order.cancelledAt ? "cancelled" : order.fulfillmentStatus.toLowerCase())}</p>
${block}
</body></html>`;
}
