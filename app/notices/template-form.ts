// The composer's template form, parsed with zod. Per-field messages keep the merchant's input on
// the page; a placeholder typo or a missing estimate is caught here, not in a customer's inbox.
import { z } from "zod";
import { KIND_FIELDS, KIND_REQUIRED, type NoticeKind } from "./notice-kinds";
import { missingFields, unknownFields } from "./render-notice";
import { replyToSchema } from "./reply-to";

const noTyposFor = (kind: NoticeKind) => (text: string, ctx: z.RefinementCtx) => {
  const unknown = unknownFields(text, kind);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `Unknown field ${unknown.map((f) => `{{${f}}}`).join(", ")}. Use: ${KIND_FIELDS[kind].map((f) => `{{${f}}}`).join(" ")}.`,
    });
  }
};
const noTypos = noTyposFor("first");

// What the kind must say is the guard's rule, not the merchant's choice (notice-kinds.ts).
const saysWhatItMust = (kind: NoticeKind) => (body: string, ctx: z.RefinementCtx) => {
  for (const field of missingFields(body, kind)) {
    const why = KIND_REQUIRED[kind].find((r) => r.field === field)?.why ?? "it is required";
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `The message must include {{${field}}}: ${why}.`,
    });
  }
};

export const templateFormSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, "Write a subject.")
    .max(200, "Keep the subject under 200 characters.")
    .superRefine(noTypos),
  body: z
    .string()
    .trim()
    .min(1, "Write the message.")
    .max(5000, "Keep the message under 5,000 characters.")
    .superRefine(noTypos)
    .superRefine(saysWhatItMust("first")),
  reason: z
    .string()
    .trim()
    .min(1, "Say why, in your own words: customers forgive a reason, not silence.")
    .max(1000),
  replyTo: replyToSchema,
});

export type TemplateForm = z.infer<typeof templateFormSchema>;

export type TemplateFormResult =
  | { ok: true; data: TemplateForm }
  | {
      ok: false;
      errors: Partial<Record<keyof TemplateForm, string>>;
      values: Record<string, string>;
    };

/** The first message zod gives for each of the form's fields: the page shows one per field. */
function firstErrorPerField<F extends string>(
  issues: readonly z.ZodIssue[],
  fields: readonly F[],
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of issues) {
    const field = fields.find((name) => name === issue.path[0]);
    if (field !== undefined && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}

export function parseTemplateForm(form: FormData): TemplateFormResult {
  const values: Record<string, string> = {};
  for (const key of ["subject", "body", "reason", "replyTo"]) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  const parsed = templateFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = firstErrorPerField(parsed.error.issues, [
    "subject",
    "body",
    "reason",
    "replyTo",
  ] as const);
  return { ok: false, errors, values };
}

// ---- The other kinds' wording (weekly, later, earlier, shipped) -------------------------------

export type EditableKind = Exclude<NoticeKind, "first">;

/** A kind's subject, body and make-good, under the same rules in every language. */
const wordingSchemaFor = (kind: NoticeKind) =>
  z.object({
    subject: z
      .string()
      .trim()
      .min(1, "Write a subject.")
      .max(200, "Keep the subject under 200 characters.")
      .superRefine(noTyposFor(kind)),
    body: z
      .string()
      .trim()
      .min(1, "Write the message.")
      .max(5000, "Keep the message under 5,000 characters.")
      .superRefine(noTyposFor(kind))
      .superRefine(saysWhatItMust(kind)),
    makeGood:
      kind === "later"
        ? z.string().trim().min(1, "Say what you offer to make up for a second delay.").max(500)
        : z.string().optional(),
  });

export interface WordingForm {
  subject: string;
  body: string;
  /** Only for the later-date notice. */
  makeGood?: string;
}

export type WordingFormResult =
  | { ok: true; data: WordingForm }
  | {
      ok: false;
      errors: Partial<Record<"subject" | "body" | "makeGood", string>>;
      values: Record<string, string>;
    };

export function parseWordingForm(form: FormData, kind: EditableKind): WordingFormResult {
  const values: Record<string, string> = {};
  for (const key of ["subject", "body", "makeGood"]) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  const parsed = wordingSchemaFor(kind).safeParse(values);
  if (parsed.success)
    return {
      ok: true,
      data: {
        subject: parsed.data.subject,
        body: parsed.data.body,
        ...(kind === "later" ? { makeGood: parsed.data.makeGood } : {}),
      },
    };
  const errors = firstErrorPerField(parsed.error.issues, ["subject", "body", "makeGood"] as const);
  return { ok: false, errors, values };
}

// ---- One kind's wording in another language (notice-translations.ts) --------------------------

export interface TranslationForm extends WordingForm {
  /** Only for the first notice: the reason, in this language. */
  reason?: string;
}

export type TranslationFormResult =
  | { ok: true; data: TranslationForm }
  | {
      ok: false;
      errors: Partial<Record<"subject" | "body" | "makeGood" | "reason", string>>;
      values: Record<string, string>;
    };

/** The same rules as the shop's own language: the kind's fields, no typos, the reason for "first". */
export function parseTranslationForm(form: FormData, kind: NoticeKind): TranslationFormResult {
  const values: Record<string, string> = {};
  for (const key of ["subject", "body", "makeGood", "reason"]) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  const schema = wordingSchemaFor(kind).extend({
    reason:
      kind === "first"
        ? z
            .string()
            .trim()
            .min(1, "Say why, in your own words: customers forgive a reason, not silence.")
            .max(1000)
        : z.string().optional(),
  });
  const parsed = schema.safeParse(values);
  if (parsed.success)
    return {
      ok: true,
      data: {
        subject: parsed.data.subject,
        body: parsed.data.body,
        ...(kind === "later" ? { makeGood: parsed.data.makeGood } : {}),
        ...(kind === "first" ? { reason: parsed.data.reason } : {}),
      },
    };
  const errors = firstErrorPerField(parsed.error.issues, [
    "subject",
    "body",
    "makeGood",
    "reason",
  ] as const);
  return { ok: false, errors, values };
}
