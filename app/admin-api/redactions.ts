// Protected customer data the app is not approved for comes back redacted: the field is null and
// `errors` carries "This app is not approved to access the Customer object. See … for more
// details." with the field's path; the rest of the answer is good (shopify.dev/docs/apps/launch/
// protected-customer-data, "GraphQL Admin API request with unapproved fields"). The app keeps
// such an answer and learns which fields were withheld, instead of failing the whole call.
import { z } from "zod";

// The protected fields the app's documents read (the schema marks them isProtected).
const PROTECTED_FIELD_NAMES: ReadonlySet<string> = new Set([
  "email",
  "phone",
  "firstName",
  "lastName",
  "displayName",
  "name",
  "address1",
  "address2",
  "zip",
  "formatted",
]);

const errorSchema = z.object({
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
});
// @shopify/shopify-api wraps Shopify's `errors` as { graphQLErrors: [...] }; a raw body has the list.
const bodySchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .union([z.array(errorSchema), z.object({ graphQLErrors: z.array(errorSchema) }).passthrough()])
    .optional(),
});

export interface Redacted {
  /** e.g. "order.email" */
  path: string;
  /** The withheld field, e.g. "email". */
  field: string;
}

function isRedaction(error: z.infer<typeof errorSchema>): boolean {
  const last = error.path?.at(-1);
  return (
    /^This app is not approved to (?:access|use) the /.test(error.message) &&
    typeof last === "string" &&
    PROTECTED_FIELD_NAMES.has(last)
  );
}

/** The data and the withheld fields when every error is a redaction; null for a real failure. */
export function redactedAnswer(body: unknown): { data: unknown; redacted: Redacted[] } | null {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success || parsed.data.data === undefined || parsed.data.data === null) return null;
  const errors = Array.isArray(parsed.data.errors)
    ? parsed.data.errors
    : (parsed.data.errors?.graphQLErrors ?? []);
  if (errors.length === 0 || !errors.every(isRedaction)) return null;
  return {
    data: parsed.data.data,
    redacted: errors.map((error) => ({
      path: (error.path ?? []).join("."),
      field: String(error.path?.at(-1) ?? ""),
    })),
  };
}

export interface CustomerDataAvailability {
  /** False when the app is not approved for protected customer data at all (no Order object). */
  orders: boolean;
  emails: boolean;
  names: boolean;
}

export const NO_CUSTOMER_DATA: CustomerDataAvailability = {
  orders: false,
  emails: false,
  names: false,
};

/** Shopify's refusal of a whole customer-data type (the app is not approved for such data). */
export function isOrderObjectRefusal(message: string): boolean {
  return message.includes("not approved to access the Order object");
}

export function customerDataAvailability(redacted: readonly Redacted[]): CustomerDataAvailability {
  return {
    orders: true,
    emails: !redacted.some((entry) => entry.field === "email"),
    names: !redacted.some((entry) => entry.field === "firstName" || entry.field === "lastName"),
  };
}
