// The composer's template form, parsed with zod. Per-field messages keep the merchant's input on
// the page; a placeholder typo or a missing estimate is caught here, not in a customer's inbox.
import { z } from "zod";
import { TEMPLATE_FIELDS, unknownFields } from "./render-notice";
import { replyToSchema } from "./reply-to";

const noTypos = (text: string, ctx: z.RefinementCtx) => {
  const unknown = unknownFields(text);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `Unknown field ${unknown.map((f) => `{{${f}}}`).join(", ")}. Use: ${TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(" ")}.`,
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
    .refine(
      (body) => /\{\{\s*estimate\s*\}\}/.test(body),
      "The message must include {{estimate}}: the new date is what the customer needs to know.",
    ),
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

export function parseTemplateForm(form: FormData): TemplateFormResult {
  const values: Record<string, string> = {};
  for (const key of ["subject", "body", "reason", "replyTo"]) {
    const value = form.get(key);
    values[key] = typeof value === "string" ? value : "";
  }
  const parsed = templateFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Partial<Record<keyof TemplateForm, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (
      (field === "subject" || field === "body" || field === "reason" || field === "replyTo") &&
      !errors[field]
    )
      errors[field] = issue.message;
  }
  return { ok: false, errors, values };
}
