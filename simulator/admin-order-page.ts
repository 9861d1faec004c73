// The simulated admin's order page, `/<shop>/admin/orders/<id>`: where a merchant lands when the
// app links to `shopify://admin/orders/<id>` (App Bridge's Navigation API turns that protocol into
// the admin's own order page: https://shopify.dev/docs/api/app-home/apis/navigation). It shows
// what Shopify's page would show of the things Delay Desk changes (status, holds, refunds, tags,
// lines added by an order edit), so the demo can check a remedy where the merchant would.
import { refundsOf } from "./store/refunds";
import type { ShopStore } from "./store/shop-store";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function money(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

function humanStatus(status: string): string {
  const words = status.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The page's HTML, or undefined when the shop has no such order (the admin's 404). */
export function renderAdminOrderPage(store: ShopStore, orderId: number): string | undefined {
  const order = store.order(orderId);
  if (!order) return undefined;
  const currency = order.currencies.presentment;
  const customer = order.customerId === null ? undefined : store.customer(order.customerId);
  const ledger = refundsOf(store);
  const refunds = ledger.refundsOf(order.id);
  const holds = order.fulfillmentOrders.flatMap((fo) => fo.holds ?? []);
  const lines = order.lineItems
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.title)}${line.variantTitle ? ` — ${escapeHtml(line.variantTitle)}` : ""}</td><td>${line.quantity}</td><td>${line.fulfilledQuantity}</td><td>${money(line.unitPriceCents - (line.unitDiscountCents ?? 0), currency)}</td></tr>`,
    )
    .join("");
  const status = [
    order.cancelledAt === null ? "" : `<span data-testid="cancelled">Cancelled</span>`,
    `<span data-testid="financial-status">${humanStatus(order.financialStatus)}</span>`,
    `<span data-testid="fulfillment-status">${humanStatus(order.fulfillmentStatus)}</span>`,
    holds.length > 0 ? `<span data-testid="on-hold">On hold</span>` : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Order ${escapeHtml(order.name)} · ${escapeHtml(store.shop.name)} · Shopify (simulated)</title>
<style>body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; margin: 32px; color: #303030; } table { border-collapse: collapse; } td, th { padding: 4px 12px 4px 0; text-align: left; } .note { color: #8a8a8a; font-size: 12px; }</style>
</head>
<body>
<h1>Order ${escapeHtml(order.name)}</h1>
<p>${status}</p>
<p>${customer ? escapeHtml(`${customer.firstName} ${customer.lastName}`) : "No customer"}</p>
<h2>Items</h2>
<table><thead><tr><th>Item</th><th>Ordered</th><th>Fulfilled</th><th>Price</th></tr></thead><tbody>${lines}</tbody></table>
<p>Total ${money(order.totalCents, currency)} · Refunded <span data-testid="refunded">${money(ledger.totalRefundedCents(order.id), currency)}</span> in ${refunds.length} ${refunds.length === 1 ? "refund" : "refunds"}</p>
${holds.length > 0 ? `<h2>Holds</h2><ul>${holds.map((hold) => `<li>${escapeHtml(humanStatus(hold.reason))}${hold.reasonNotes ? `: ${escapeHtml(hold.reasonNotes)}` : ""}</li>`).join("")}</ul>` : ""}
<p>Tags: <span data-testid="tags">${order.tags.length > 0 ? escapeHtml(order.tags.join(", ")) : "none"}</span></p>
<p class="note">Simulated Shopify admin (Delay Desk simulator)</p>
</body>
</html>
`;
}
