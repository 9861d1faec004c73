// The banner's waitlist form as the app proxy receives it (extensions/delay-desk-theme/blocks/
// notice-banner.liquid): an email, the consent box, the storefront's language. Pure: the route
// reads the body, this says whether it is a signup and, if not, which part is wrong.
import { z } from "zod";

const signupSchema = z.object({
  // RFC 5321 caps a path at 256 octets, so an address at 254; stored lower-cased (one row per
  // address and shop, however it was typed).
  email: z.string().trim().max(254).email().toLowerCase(),
  consent: z.literal("yes"),
  // request.locale.iso_code ("fr", "pt-BR"): only a tag's shape; the texts fall back to English.
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .max(35)
    .optional()
    .catch(undefined),
});

export type Signup = z.infer<typeof signupSchema>;

export type SignupParse =
  | { ok: true; signup: Signup }
  | { ok: false; problem: "email" | "consent"; locale: string | undefined };

export function parseSignupForm(fields: Record<string, unknown>): SignupParse {
  const parsed = signupSchema.safeParse(fields);
  if (parsed.success) return { ok: true, signup: parsed.data };
  const locale = signupSchema.shape.locale.parse(fields.locale);
  const emailBad = parsed.error.issues.some((issue) => issue.path[0] === "email");
  return { ok: false, problem: emailBad ? "email" : "consent", locale };
}
