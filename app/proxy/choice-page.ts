// The wait-or-refund page a shopper sees on the shop's domain. Plain, self-contained HTML (no
// script, no external asset) so it adds nothing to the storefront's weight. The link in the email
// only shows this page; the choice is made by the button, a POST, because mail scanners open
// links in emails on their own and must never cancel an order. It speaks the customer's language
// (app/locale/customer-texts.ts), the one their notice was written in.
import { customerTexts } from "../locale/customer-texts";
import type { CustomerLanguage } from "../locale/language";
import type { Choice } from "./record-choice.server";

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

function page(title: string, body: string, lang: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:Georgia,serif;line-height:1.5;color:#222;max-width:560px;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:10px 18px;border-radius:6px;border:0;color:#fff;cursor:pointer}.cancel{background:#8a2c2c}.wait{background:#2c6e49}</style>
</head><body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

/** The reader: words in `language`, the page's lang attribute `locale` ("fr-CA"). */
export interface PageReader {
  language: CustomerLanguage;
  locale: string;
}

const ENGLISH: PageReader = { language: "en", locale: "en" };

export interface ChoiceOrder {
  name: string;
  firstName: string | null;
  estimate: string | null;
  total: string;
  reader?: PageReader;
}

export function confirmPage(order: ChoiceOrder, choice: Choice): string {
  const reader = order.reader ?? ENGLISH;
  const t = customerTexts(reader.language).page;
  const hello = `<p>${escapeHtml(t.hello(order.firstName))}</p>`;
  if (choice === "cancel") {
    return page(
      t.cancelTitle(order.name),
      `${hello}<p>${escapeHtml(t.cancelBody(order.name, order.total))}</p>
<form method="post"><input type="hidden" name="confirm" value="cancel"><button class="cancel" type="submit">${escapeHtml(t.cancelButton)}</button></form>
<p>${escapeHtml(t.cancelKeep)}</p>`,
      reader.locale,
    );
  }
  return page(
    t.waitTitle,
    `${hello}<p>${escapeHtml(t.waitBody(order.name, order.estimate))}</p>
<form method="post"><input type="hidden" name="confirm" value="wait"><button class="wait" type="submit">${escapeHtml(t.waitButton)}</button></form>`,
    reader.locale,
  );
}

export function donePage(order: ChoiceOrder, choice: Choice, already: boolean): string {
  const reader = order.reader ?? ENGLISH;
  const t = customerTexts(reader.language).page;
  if (choice === "cancel") {
    return page(
      t.cancelDoneTitle(already),
      `<p>${escapeHtml(t.cancelDoneBody(already, order.name))}</p>`,
      reader.locale,
    );
  }
  return page(
    t.waitDoneTitle(already),
    `<p>${escapeHtml(t.waitDoneBody(order.name))}</p>`,
    reader.locale,
  );
}

/** A page for a link we could not match to an order (English: there is no order to ask), or a bad form. */
export function refusedPage(title: string, detail: string, reader: PageReader = ENGLISH): string {
  const t = customerTexts(reader.language).page;
  return page(
    title,
    `<p>${escapeHtml(detail)}</p><p>${escapeHtml(t.personWillHelp)}</p>`,
    reader.locale,
  );
}
