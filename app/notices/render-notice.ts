// Turns the shop's template and one order into the email: a plain-text part and an HTML part
// saying the same thing. The two choice links and the signature are added here, not left to the
// template, so a merchant editing the wording cannot drop the free way to cancel the law requires.
import { z } from "zod";
import { bodyForWording, describeEstimate, type EstimateRange } from "./estimate-range";

export const TEMPLATE_FIELDS = [
  "first_name",
  "order_name",
  "items",
  "estimate",
  "reason",
  "sender_name",
  "sender_role",
  "shop_name",
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

export const DEFAULT_TEMPLATE = {
  subject: "An update on your order {{order_name}}",
  body: [
    "Hi {{first_name}},",
    "I'm writing about your order {{order_name}} ({{items}}). It is taking longer than we promised, and I would rather tell you now than leave you wondering.",
    "{{reason}}",
    "We now expect to ship it {{estimate}}. That is a careful estimate: we will very probably beat it, and I will write again if anything changes.",
    "If you would rather not wait, that is completely fine: one click below cancels the order and refunds you in full.",
  ].join("\n\n"),
  reason:
    "Far more of you ordered this season than our small workshop can make at once, and we will not rush the work.",
};

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** Placeholders in `text` that the renderer does not know (typos would otherwise reach customers). */
export function unknownFields(text: string): string[] {
  const known = new Set<string>(TEMPLATE_FIELDS);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "").filter((name) => !known.has(name));
}

export interface NoticeLineItem {
  title: string;
  quantity: number;
}

const lineItemsSchema = z.array(
  z.object({ title: z.string(), quantity: z.number().int().min(0) }).passthrough(),
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
    .map((item) => ({ title: item.title, quantity: item.quantity }));
}

export function describeItems(items: readonly NoticeLineItem[]): string {
  if (items.length === 0) return "your items";
  return items
    .map((item) => (item.quantity === 1 ? item.title : `${item.quantity} × ${item.title}`))
    .join(", ");
}

export interface NoticeInput {
  template: { subject: string; body: string; reason: string };
  order: { name: string; customerFirstName: string | null; items: readonly NoticeLineItem[] };
  range: EstimateRange;
  /** The shop's date the notice is written: how far out the range is decides its wording. */
  today: string;
  sender: { name: string; role: string | null; shopName: string };
  links: { wait: string; cancel: string };
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

export const WAIT_LABEL = "I'll wait";
export const CANCEL_LABEL = "Cancel and refund me";

export function renderNotice(input: NoticeInput): RenderedNotice {
  const wording = describeEstimate(input.range, input.today);
  const values: Record<TemplateField, string> = {
    first_name: input.order.customerFirstName?.trim() || "there",
    order_name: input.order.name,
    items: describeItems(input.order.items),
    estimate: wording.text,
    reason: input.template.reason.trim(),
    sender_name: input.sender.name,
    sender_role: input.sender.role ?? "",
    shop_name: input.sender.shopName,
  };
  const subject = fill(input.template.subject, values).replace(/\s+/g, " ").trim();
  const paragraphs = fill(bodyForWording(input.template.body, wording), values)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const signature = [
    input.sender.name,
    [input.sender.role, input.sender.shopName].filter(Boolean).join(", "),
  ];

  const text = [
    ...paragraphs,
    `${WAIT_LABEL}: ${input.links.wait}\n${CANCEL_LABEL}: ${input.links.cancel}`,
    "Just reply to this email if you have a question; it comes straight to me.",
    signature.join("\n"),
  ].join("\n\n");

  const button = (href: string, label: string, colour: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 16px;margin:0 8px 8px 0;border-radius:6px;background:${colour};color:#fff;text-decoration:none">${escapeHtml(label)}</a>`;
  const html = [
    "<!doctype html>",
    `<html><body style="font-family:Georgia,serif;font-size:16px;line-height:1.5;color:#222;max-width:560px">`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replaceAll("\n", "<br>")}</p>`),
    `<p>${button(input.links.wait, WAIT_LABEL, "#2c6e49")}${button(input.links.cancel, CANCEL_LABEL, "#8a2c2c")}</p>`,
    "<p>Just reply to this email if you have a question; it comes straight to me.</p>",
    `<p>${signature.map(escapeHtml).join("<br>")}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
