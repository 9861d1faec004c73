// Shopify's userErrors become one sentence staff can act on, recorded on the job item. They are
// never thrown: a refused remedy is an outcome of that order, not a crash of the job.
import { z } from "zod";

// Only what describeUserErrors reads: most payloads' UserError has no `code`, and a parser may not
// read a field its document does not select (app/admin-api/operations.ts).
export const userErrorSchema = z.object({
  field: z.array(z.string()).nullable().optional(),
  message: z.string(),
});
export type UserError = z.infer<typeof userErrorSchema>;

export function describeUserErrors(step: string, errors: readonly UserError[]): string {
  const parts = errors.map((error) => {
    const field = error.field && error.field.length > 0 ? ` (${error.field.join(".")})` : "";
    return `${error.message}${field}`;
  });
  return `Shopify refused ${step}: ${parts.join("; ")}`;
}
