// The wait-or-refund page a shopper sees on the shop's domain. Plain, self-contained HTML (no
// script, no external asset) so it adds nothing to the storefront's weight. The link in the email
// only shows this page; the choice is made by the button, a POST, because mail scanners open
// links in emails on their own and must never cancel an order.
import type { Choice } from "./record-choice.server";

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:Georgia,serif;line-height:1.5;color:#222;max-width:560px;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:10px 18px;border-radius:6px;border:0;color:#fff;cursor:pointer}.cancel{background:#8a2c2c}.wait{background:#2c6e49}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

export interface ChoiceOrder {
  name: string;
  firstName: string | null;
  estimate: string | null;
  total: string;
}

export function confirmPage(order: ChoiceOrder, choice: Choice): string {
  const hello = `<p>Hi ${escapeHtml(order.firstName ?? "there")},</p>`;
  if (choice === "cancel") {
    return page(
      `Cancel order ${order.name}?`,
      `${hello}<p>We will cancel order ${escapeHtml(order.name)} and refund the full ${escapeHtml(order.total)} to your original payment method. You will receive a confirmation by email.</p>
<form method="post"><input type="hidden" name="confirm" value="cancel"><button class="cancel" type="submit">Yes, cancel and refund me</button></form>
<p>Changed your mind? Just close this page: your order stays as it is.</p>`,
    );
  }
  return page(
    `Thank you for waiting`,
    `${hello}<p>Please confirm that you are happy to wait for order ${escapeHtml(order.name)}${order.estimate ? `, which we expect to ship ${escapeHtml(order.estimate)}` : ""}.</p>
<form method="post"><input type="hidden" name="confirm" value="wait"><button class="wait" type="submit">Yes, I'll wait</button></form>`,
  );
}

export function donePage(order: ChoiceOrder, choice: Choice, already: boolean): string {
  if (choice === "cancel") {
    return page(
      already ? "Your order is already being cancelled" : "Your order is being cancelled",
      `<p>${already ? "We already have your request" : "Thank you for letting us know"}: order ${escapeHtml(order.name)} will be cancelled and refunded in full. We are sorry we could not make it in time.</p>`,
    );
  }
  return page(
    already ? "We already have your answer" : "Thank you for your patience",
    `<p>We have noted that you will wait for order ${escapeHtml(order.name)}. We will write again if anything changes.</p>`,
  );
}

export function refusedPage(title: string, detail: string): string {
  return page(
    title,
    `<p>${escapeHtml(detail)}</p><p>Reply to the email we sent you and a person will sort it out.</p>`,
  );
}
