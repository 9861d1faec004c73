// What the shopper sees of the waitlist on the shop's domain (through the app proxy): the answer
// to the banner's form and the unsubscribe page. Plain, script-free HTML like the wait-or-refund
// page, in the storefront's language. Never shows the address (a page can be cached or shared).
import { waitlistTexts } from "../locale/waitlist-texts";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function page(title: string, body: string, lang: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:Georgia,serif;line-height:1.5;color:#222;max-width:560px;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:10px 18px;border-radius:6px;border:0;color:#fff;background:#1f2d3d;cursor:pointer}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

export type SignupAnswer = "joined" | "already" | "not-paused" | "closed" | "email" | "consent";

/** The page after the banner's form ("../../" from /apps/delay-desk/waitlist is the shop's home). */
export function signupPage(answer: SignupAnswer, locale: string | null | undefined): string {
  const { texts, language } = waitlistTexts(locale);
  const back = `<p><a href="../../">${escapeHtml(texts.back)}</a></p>`;
  switch (answer) {
    case "joined":
    case "already":
      return page(texts.joinedTitle, `<p>${escapeHtml(texts.joinedBody)}</p>${back}`, language);
    case "not-paused":
      return page(
        texts.notPausedTitle,
        `<p>${escapeHtml(texts.notPausedBody)}</p>${back}`,
        language,
      );
    case "closed":
      return page(texts.closedTitle, `<p>${escapeHtml(texts.closedBody)}</p>${back}`, language);
    case "email":
      return page(texts.badEmailTitle, `<p>${escapeHtml(texts.badEmailBody)}</p>${back}`, language);
    case "consent":
      return page(
        texts.noConsentTitle,
        `<p>${escapeHtml(texts.noConsentBody)}</p>${back}`,
        language,
      );
  }
}

export function unsubscribeConfirmPage(locale: string | null): string {
  const { texts, language } = waitlistTexts(locale);
  return page(
    texts.unsubscribe.confirmTitle,
    `<p>${escapeHtml(texts.unsubscribe.confirmBody)}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(texts.unsubscribe.button)}</button></form>`,
    language,
  );
}

export function unsubscribeDonePage(locale: string | null): string {
  const { texts, language } = waitlistTexts(locale);
  return page(
    texts.unsubscribe.doneTitle,
    `<p>${escapeHtml(texts.unsubscribe.doneBody)}</p>`,
    language,
  );
}

/** A link that cannot be matched (tampered, another shop's): English, there is no signup to ask. */
export function unsubscribeRefusedPage(): string {
  return page("This link is not valid", "<p>We could not match it to a waitlist signup.</p>", "en");
}
