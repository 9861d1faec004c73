// Turns the shop's template and one order into the email: a plain-text part and an HTML part
// saying the same thing. The two choice links and the signature are added here, not left to the
// template, so a merchant editing the wording cannot drop the free way to cancel the law requires.
import { z } from "zod";
import {
  bodyForWording,
  describeEstimate,
  describeRange,
  type EstimateRange,
} from "./estimate-range";
import {
  DEFAULT_MAKE_GOOD,
  DEFAULT_REASON,
  DEFAULT_WORDINGS,
  KIND_FIELDS,
  KIND_REQUIRED,
  offersChoice,
  type NoticeKind,
  type TemplateField,
} from "./notice-kinds";
import { consentParagraph, type ConsentReader } from "../consent/consent-wording";
import { customerTexts, type CustomerTexts } from "../locale/customer-texts";
import type { ConsentTerms } from "../consent/consent-rules";

export { TEMPLATE_FIELDS, type TemplateField } from "./notice-kinds";

/** The first notice's wording and the shop's reason, until the merchant saves their own. */
export const DEFAULT_TEMPLATE = {
  subject: DEFAULT_WORDINGS.first.subject,
  body: DEFAULT_WORDINGS.first.body,
  reason: DEFAULT_REASON,
};

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Placeholders in `text` that this kind of notice does not know (typos would reach customers). */
export function unknownFields(text: string, kind: NoticeKind = "first"): string[] {
  const known = new Set<string>(KIND_FIELDS[kind]);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter((name) => !known.has(name));
}

/** The fields this kind must carry that `text` does not. */
export function missingFields(text: string, kind: NoticeKind): TemplateField[] {
  const used = new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ""));
  return KIND_REQUIRED[kind].map((r) => r.field).filter((field) => !used.has(field));
}

export interface NoticeLineItem {
  title: string;
  quantity: number;
  /** Units not yet shipped; absent means none shipped (a split shipment sets it). */
  remaining?: number;
}

const lineItemsSchema = z.array(
  z
    .object({
      title: z.string(),
      quantity: z.number().int().min(0),
      remaining: z.number().int().min(0).optional(),
    })
    .passthrough(),
);

/** The items of a TrackedOrder's lineItems JSON, quantity 0 (removed) lines dropped. */
export function noticeItems(lineItemsJson: string): NoticeLineItem[] {
  let raw: unknown;
  try {
    raw = JSON.parse(lineItemsJson);
  } catch {
    return [];
  }
  const parsed = lineItemsSchema.safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data
    .filter((item) => item.quantity > 0)
    .map((item) => ({
      title: item.title,
      quantity: item.quantity,
      ...(item.remaining === undefined
        ? {}
        : { remaining: Math.min(item.remaining, item.quantity) }),
    }));
}

/**
 * An order shipped in part: what is on its way and what is still coming, or null when nothing
 * shipped yet or everything has (a split shipment, app/fulfillment/ready-lines.ts).
 */
export function splitItems(
  items: readonly NoticeLineItem[],
): { shipped: NoticeLineItem[]; coming: NoticeLineItem[] } | null {
  const left = (item: NoticeLineItem) => item.remaining ?? item.quantity;
  const shipped = items
    .filter((item) => left(item) < item.quantity)
    .map((item) => ({ title: item.title, quantity: item.quantity - left(item) }));
  const coming = items
    .filter((item) => left(item) > 0)
    .map((item) => ({ title: item.title, quantity: left(item) }));
  return shipped.length > 0 && coming.length > 0 ? { shipped, coming } : null;
}

export function describeItems(
  items: readonly NoticeLineItem[],
  texts: CustomerTexts = customerTexts("en"),
): string {
  if (items.length === 0) return texts.yourItems;
  return items
    .map((item) => (item.quantity === 1 ? item.title : `${item.quantity} × ${item.title}`))
    .join(", ");
}

export interface NoticeInput {
  /** Which notice this is (notice-kinds.ts); the first notice when omitted. */
  kind?: NoticeKind;
  template: { subject: string; body: string; reason: string };
  order: { name: string; customerFirstName: string | null; items: readonly NoticeLineItem[] };
  range: EstimateRange;
  /** The shop's date the notice is written: how far out the range is decides its wording. */
  today: string;
  /** The range the customer was told last (later and earlier dates say it). */
  previous?: EstimateRange | null;
  /** Why the date moved again: the merchant's override reason (later dates). */
  overrideReason?: string | null;
  /** What the shop offers to make up for a second delay (later dates). */
  makeGood?: string | null;
  sender: { name: string; role: string | null; shopName: string };
  links: { wait: string; cancel: string };
  /** What the consent law asks of this notice (app/consent/consent-rules.ts); nothing if omitted. */
  consent?: ConsentTerms | null;
  /**
   * The customer's language and formats, and the shop's time zone for a deadline
   * (app/locale/language.ts); English when omitted. The template must be in the same language.
   */
  reader?: ConsentReader;
  /** What a cancellation refunds, formatted for the reader (app/proxy/buyer-money.ts). */
  refundTotal?: string | null;
}

export interface RenderedNotice {
  subject: string;
  text: string;
  html: string;
}

function fill(text: string, values: Record<TemplateField, string>): string {
  const lookup = new Map<string, string>(Object.entries(values));
  return text.replace(PLACEHOLDER, (whole, name: string) => lookup.get(name) ?? whole);
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

export const WAIT_LABEL = customerTexts("en").waitLabel;
export const CANCEL_LABEL = customerTexts("en").cancelLabel;

/** A greeting left without a name ("Bonjour ," / "Hola, :") loses the space or comma it kept. */
function tidyNameless(text: string): string {
  return text.replace(/[ \t]+([,:])/g, "$1").replace(/,:/g, ":");
}

export function renderNotice(input: NoticeInput): RenderedNotice {
  const kind = input.kind ?? "first";
  const reader = input.reader;
  const texts = customerTexts(reader?.language ?? "en");
  // Today or a past date is said plainly, never called an estimate (estimate-range.ts).
  const wording = describeEstimate(input.range, input.today, reader);
  const ownName = input.order.customerFirstName?.trim() ?? "";
  // Shipped in part: the template's items are what is still coming, and a fixed line says both.
  const split = kind === "shipped" ? null : splitItems(input.order.items);
  const partShipped = split
    ? texts.partShipped(describeItems(split.shipped, texts), describeItems(split.coming, texts))
    : null;
  const values: Record<TemplateField, string> = {
    first_name: ownName || texts.anonymousName,
    order_name: input.order.name,
    items: describeItems(split ? split.coming : input.order.items, texts),
    estimate: wording.text,
    previous_estimate: describeRange(input.previous ?? input.range, reader),
    reason: input.template.reason.trim(),
    override_reason: input.overrideReason?.trim() || input.template.reason.trim(),
    make_good: input.makeGood?.trim() || DEFAULT_MAKE_GOOD,
    sender_name: input.sender.name,
    sender_role: input.sender.role ?? "",
    shop_name: input.sender.shopName,
  };
  const filled = (text: string) => {
    const out = fill(text, values);
    return ownName || texts.anonymousName ? out : tidyNameless(out);
  };
  const subject = filled(input.template.subject).replace(/\s+/g, " ").trim();
  const paragraphs = filled(bodyForWording(input.template.body, wording))
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const signature = [
    input.sender.name,
    [input.sender.role, input.sender.shopName].filter(Boolean).join(", "),
  ];

  const choice = offersChoice(kind);
  // The law's words sit beside the links, outside the template: no edit can drop the deadline.
  const consent =
    choice && input.consent ? consentParagraph(input.consent, texts.waitLabel, reader) : null;
  const refund = choice && input.refundTotal ? texts.refundsInFull(input.refundTotal) : null;
  const text = [
    ...paragraphs,
    ...(partShipped ? [partShipped] : []),
    ...(consent ? [consent] : []),
    ...(refund ? [refund] : []),
    ...(choice
      ? [`${texts.waitLabel}: ${input.links.wait}\n${texts.cancelLabel}: ${input.links.cancel}`]
      : []),
    texts.replyLine,
    signature.join("\n"),
  ].join("\n\n");

  const button = (href: string, label: string, colour: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;margin:0 8px 8px 0;border-radius:6px;background:${colour};color:#fff;text-decoration:none">${escapeHtml(label)}</a>`;
  const html = [
    "<!doctype html>",
    `<html lang="${escapeHtml(reader?.locale ?? "en")}"><body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#222;max-width:560px">`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`),
    ...(partShipped ? [`<p>${escapeHtml(partShipped)}</p>`] : []),
    ...(consent ? [`<p><strong>${escapeHtml(consent)}</strong></p>`] : []),
    ...(refund ? [`<p>${escapeHtml(refund)}</p>`] : []),
    ...(choice
      ? [
          `<p>${button(input.links.wait, texts.waitLabel, "#2c6e49")}${button(input.links.cancel, texts.cancelLabel, "#8a2c2c")}</p>`,
        ]
      : []),
    `<p>${escapeHtml(texts.replyLine)}</p>`,
    `<p>${signature.map(escapeHtml).join("<br>")}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
