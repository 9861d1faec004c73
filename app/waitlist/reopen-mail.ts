// The one mail a waitlist signup gets when the shop reopens, in the language the shopper used on
// the storefront. It carries a one-click unsubscribe (RFC 8058, https://www.rfc-editor.org/rfc/
// rfc8058): a List-Unsubscribe header with the signed HTTPS link and List-Unsubscribe-Post:
// List-Unsubscribe=One-Click, which tells a mailbox provider it may POST to that link without
// the recipient opening it (the link's GET only shows a confirmation, since scanners open links).
import { waitlistTexts } from "../locale/waitlist-texts";
import { escapeHtml } from "./waitlist-pages";

export interface ReopenMail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  language: string;
}

export function renderReopenMail(input: {
  locale: string | null;
  shopName: string;
  shopUrl: string;
  unsubscribeUrl: string;
}): ReopenMail {
  const { texts, language } = waitlistTexts(input.locale);
  const t = texts.mail;
  const text = [
    t.body(input.shopName),
    "",
    `${t.visit}: ${input.shopUrl}`,
    "",
    "--",
    t.why,
    `${t.unsubscribe}: ${input.unsubscribeUrl}`,
    "",
  ].join("\n");
  const html = `<!doctype html><html lang="${escapeHtml(language)}"><body>
<p>${escapeHtml(t.body(input.shopName))}</p>
<p><a href="${escapeHtml(input.shopUrl)}">${escapeHtml(t.visit)}</a></p>
<hr><p style="font-size:small">${escapeHtml(t.why)} <a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>
</body></html>`;
  return {
    subject: t.subject(input.shopName),
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${input.unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    language,
  };
}
