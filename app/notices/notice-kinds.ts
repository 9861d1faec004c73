// Each notice says what it is. The honesty guard (notice-guard.ts) and the rhythm (cadence.ts)
// decide which kind an order gets; the merchant edits only the wording of each kind. What a kind
// must say is fixed here, not in the template: a later date always names the date given before,
// the reason it moved and the make-good; every kind but "shipped" carries the free way to cancel
// (added by the renderer, render-notice.ts), so no edit can remove it.
import { z } from "zod";

export const NOTICE_KINDS = ["first", "weekly", "later", "earlier", "shipped"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export function isNoticeKind(value: string): value is NoticeKind {
  return NOTICE_KINDS.some((kind) => kind === value);
}

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  first: "First notice",
  weekly: "Weekly update (same date)",
  later: "Later date",
  earlier: "Earlier date",
  shipped: "It has shipped",
};

export const TEMPLATE_FIELDS = [
  "first_name",
  "order_name",
  "items",
  "estimate",
  "previous_estimate",
  "reason",
  "override_reason",
  "make_good",
  "sender_name",
  "sender_role",
  "shop_name",
] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

const COMMON: readonly TemplateField[] = [
  "first_name",
  "order_name",
  "items",
  "sender_name",
  "sender_role",
  "shop_name",
];

/** The fields each kind may use (a field that means nothing for the kind is a mistake). */
export const KIND_FIELDS: Record<NoticeKind, readonly TemplateField[]> = {
  first: [...COMMON, "estimate", "reason"],
  weekly: [...COMMON, "estimate", "reason"],
  later: [...COMMON, "estimate", "previous_estimate", "reason", "override_reason", "make_good"],
  earlier: [...COMMON, "estimate", "previous_estimate"],
  shipped: [...COMMON],
};

/** What each kind must say, whatever the merchant writes. */
export const KIND_REQUIRED: Record<
  NoticeKind,
  ReadonlyArray<{ field: TemplateField; why: string }>
> = {
  first: [{ field: "estimate", why: "the new date is what the customer needs to know" }],
  weekly: [{ field: "estimate", why: "a weekly update says the date still holds" }],
  later: [
    { field: "previous_estimate", why: "the customer must see the date you gave before" },
    { field: "estimate", why: "the new date is what the customer needs to know" },
    { field: "override_reason", why: "a second delay needs its reason" },
    { field: "make_good", why: "a second delay comes with something to make up for it" },
  ],
  earlier: [
    { field: "previous_estimate", why: "the customer must see the date you gave before" },
    { field: "estimate", why: "the new date is the good news" },
  ],
  shipped: [{ field: "order_name", why: "the customer must know which order shipped" }],
};

/** Whether the kind carries the wait / cancel-and-refund links (everything not yet shipped). */
export function offersChoice(kind: NoticeKind): boolean {
  return kind !== "shipped";
}

export const DEFAULT_REASON =
  "Far more of you ordered this season than our small workshop can make at once, and we will not rush the work.";

export const DEFAULT_MAKE_GOOD =
  "To make up for it, we will upgrade your shipping to express at no cost to you.";

export interface Wording {
  subject: string;
  body: string;
}

const paragraphs = (...lines: string[]) => lines.join("\n\n");

export const DEFAULT_WORDINGS: Record<NoticeKind, Wording> = {
  first: {
    subject: "An update on your order {{order_name}}",
    body: paragraphs(
      "Hi {{first_name}},",
      "I'm writing about your order {{order_name}} ({{items}}). It is taking longer than we promised, and I would rather tell you now than leave you wondering.",
      "{{reason}}",
      "We now expect to ship it {{estimate}}. That is a careful estimate: we will very probably beat it, and I will write again if anything changes.",
      "If you would rather not wait, that is completely fine: one click below cancels the order and refunds you in full.",
    ),
  },
  weekly: {
    subject: "Your order {{order_name}} is still on track",
    body: paragraphs(
      "Hi {{first_name}},",
      "A quick weekly word on your order {{order_name}} ({{items}}): it is still on track to ship {{estimate}}, the date I gave you.",
      "I'll keep writing every week until it is on its way.",
      "If you would rather not wait after all, one click below cancels the order and refunds you in full.",
    ),
  },
  later: {
    subject: "A new date for your order {{order_name}}, and I'm sorry",
    body: paragraphs(
      "Hi {{first_name}},",
      "When I last wrote, I said your order {{order_name}} ({{items}}) would ship {{previous_estimate}}. We are not going to make that, and that is on us.",
      "What happened: {{override_reason}}",
      "We now expect to ship it {{estimate}}.",
      "{{make_good}}",
      "I understand completely if you would rather not wait any longer: one click below cancels the order and refunds you in full, no questions asked.",
    ),
  },
  earlier: {
    subject: "Good news about your order {{order_name}}",
    body: paragraphs(
      "Hi {{first_name}},",
      "Some good news: your order {{order_name}} ({{items}}) is ahead of the date I gave you ({{previous_estimate}}). We now expect to ship it {{estimate}}.",
      "Thank you for your patience.",
    ),
  },
  shipped: {
    subject: "Your order {{order_name}} is on its way",
    body: paragraphs(
      "Hi {{first_name}},",
      "Your order {{order_name}} ({{items}}) has shipped. Thank you for waiting for it; I know it took longer than we first said.",
      "Shopify will send you the tracking details separately.",
    ),
  },
};

const wordingSchema = z.object({ subject: z.string(), body: z.string() });
const storedWordingsSchema = z
  .object({
    weekly: wordingSchema,
    later: wordingSchema,
    earlier: wordingSchema,
    shipped: wordingSchema,
  })
  .partial();
export type StoredWordings = z.infer<typeof storedWordingsSchema>;

/** NoticeTemplate.wordings, parsed; anything unreadable falls back to the defaults. */
export function parseStoredWordings(json: string): StoredWordings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return {};
  }
  const parsed = storedWordingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

/** The guard's change, as the kind of notice it becomes. */
export function kindOfChange(change: "first" | "same" | "later" | "earlier"): NoticeKind {
  if (change === "same") return "weekly";
  return change;
}
