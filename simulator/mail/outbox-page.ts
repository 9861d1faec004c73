// GET /outbox: the demo's view of every customer's mailbox, i.e. what the local SMTP server
// received. Links to a shop's domain (https://<shop>/apps/…) are rewritten to the simulated
// storefront (/<shop>/storefront/apps/…), the way the admin seam rewrites Admin API calls, so a
// click in a notice reaches the simulated app proxy.
import type { ReceivedMail } from "./mail-server";

export interface Outbox {
  inbox(): ReceivedMail[];
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** https://<shop>.myshopify.com/apps/… → <origin>/<shop>.myshopify.com/storefront/apps/… */
export function rewriteShopLinks(text: string, origin: string): string {
  return text.replace(
    /https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)\/apps\//gi,
    (_whole, shop: string) => `${origin}/${shop.toLowerCase()}/storefront/apps/`,
  );
}

function address(mail: ReceivedMail): string {
  return mail.from ? `${mail.from.name} <${mail.from.address}>` : "(no sender)";
}

/** The customer's order status page for the order a message is about (shop from its links, order from its subject). */
function orderStatusLink(mail: ReceivedMail): string {
  const shop = /https:\/\/([a-z0-9][a-z0-9-]*\.myshopify\.com)\/apps\//i.exec(mail.text)?.[1];
  const name = /#\d+/.exec(mail.subject)?.[0];
  if (!shop || !name) return "";
  return `<p><a data-testid="order-status-link" href="/${escapeHtml(shop.toLowerCase())}/account/order-status?name=${encodeURIComponent(name)}">Open the customer's order status page for ${escapeHtml(name)}</a></p>`;
}

export function renderOutboxPage(outbox: Outbox | undefined, url: URL, origin: string): string {
  // Numbered oldest first, so a message keeps its number while new ones arrive; listed newest first.
  const messages = [...(outbox?.inbox() ?? [])].reverse();
  const selected = Number(url.searchParams.get("m") ?? "-1");
  const list = messages
    .map((mail, index) => ({ mail, index }))
    .reverse()
    .map(
      ({ mail, index }) =>
        `<tr${index === selected ? ' class="open"' : ""}><td><a href="/outbox?m=${index}">${escapeHtml(mail.subject || "(no subject)")}</a></td><td>${escapeHtml(mail.to.join(", "))}</td><td>${escapeHtml(address(mail))}</td><td>${escapeHtml(mail.receivedAt.toISOString().replace("T", " ").slice(0, 19))}</td></tr>`,
    )
    .join("\n");
  const open = messages[selected];
  const body = open
    ? `<section aria-label="Message">
<dl>
<dt>From</dt><dd data-field="from">${escapeHtml(address(open))}</dd>
<dt>Reply-To</dt><dd data-field="reply-to">${escapeHtml(open.replyTo ?? "")}</dd>
<dt>To</dt><dd data-field="to">${escapeHtml(open.to.join(", "))}</dd>
<dt>Subject</dt><dd data-field="subject">${escapeHtml(open.subject)}</dd>
<dt>Message-ID</dt><dd>${escapeHtml(open.messageId ?? "")}</dd>
</dl>
${
  open.html
    ? `<iframe title="Message" sandbox="allow-top-navigation-by-user-activation" style="width:100%;height:520px;border:1px solid #ccc" srcdoc="${escapeHtml(`<base target="_top">${rewriteShopLinks(open.html, origin)}`)}"></iframe>`
    : ""
}
<details><summary>Plain text</summary><pre>${escapeHtml(rewriteShopLinks(open.text, origin))}</pre></details>
${orderStatusLink(open)}
</section>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Outbox · Delay Desk simulator</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:960px}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eee}tr.open{background:#f4f6f8}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#666}</style>
</head><body>
<h1>Outbox</h1>
<p>Every email the app sent through the local SMTP server (one per Message-ID, newest first). ${outbox ? "" : "<strong>No mail server is attached to this simulator.</strong>"}</p>
<table><thead><tr><th>Subject</th><th>To</th><th>From</th><th>Received (UTC)</th></tr></thead><tbody>
${list || '<tr><td colspan="4">Nothing sent yet.</td></tr>'}
</tbody></table>
${body}
</body></html>`;
}
