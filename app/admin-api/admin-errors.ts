// The one error model of the Admin API client. Whatever went wrong, a caller sees one of two
// errors:
// - AdminApiError: Shopify understood and refused (a GraphQL error, a 4xx, an answer that does not
//   match its document). Retrying the same request would not help.
// - TransientAdminError (an AdminApiError too, so a page that shows Shopify's refusal shows this
//   as well): a 5xx, a timeout, a dropped connection, or THROTTLED past the client's patience. The
//   request may or may not have taken effect; a job retries its whole step, which re-checks or
//   replays its idempotency key.
// GraphQL errors are read from Shopify's `errors` list (https://shopify.dev/docs/api/admin-graphql
// "Status and error codes": each has `message` and `extensions.code`, e.g. THROTTLED), also when
// @shopify/shopify-api wraps it as { networkStatusCode, message, graphQLErrors: [...] }.
import { z } from "zod";

export interface AdminApiErrorDetail {
  message: string;
  code?: string;
}

export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    readonly operation: string,
    readonly details: AdminApiErrorDetail[],
  ) {
    super(
      `${operation} failed: ${details.map((d) => (d.code ? `${d.message} (${d.code})` : d.message)).join("; ")}`,
    );
  }

  get throttled(): boolean {
    return this.details.some((d) => d.code === "THROTTLED");
  }
}

export class TransientAdminError extends AdminApiError {
  override name = "TransientAdminError";
  constructor(operation: string, message: string, details: AdminApiErrorDetail[] = []) {
    super(operation, details.length > 0 ? details : [{ message }]);
    this.message = `${operation}: ${message}`;
  }
}

const errorListSchema = z.array(
  z
    .object({
      message: z.string(),
      extensions: z.object({ code: z.string().optional() }).passthrough().optional(),
    })
    .passthrough(),
);
const wrappedErrorsSchema = z.object({ graphQLErrors: z.array(z.unknown()) }).passthrough();

/** Shopify's `errors` (a raw list or the library's wrapper) as messages with their codes. */
export function graphqlErrorDetails(errors: unknown): AdminApiErrorDetail[] {
  const wrapped = wrappedErrorsSchema.safeParse(errors);
  const parsed = errorListSchema.safeParse(wrapped.success ? wrapped.data.graphQLErrors : errors);
  if (!parsed.success)
    return [{ message: typeof errors === "string" ? errors : JSON.stringify(errors) }];
  return parsed.data.map((e) =>
    e.extensions?.code ? { message: e.message, code: e.extensions.code } : { message: e.message },
  );
}

/** "expected string at order.name": the first thing a parser found that the answer lacked. */
export function shapeError(operation: string, error: z.ZodError): AdminApiError {
  const issue = error.issues[0];
  return new AdminApiError(operation, [
    {
      message: `unexpected response shape: ${issue?.message ?? "?"} at ${issue?.path.join(".") ?? ""}`,
    },
  ]);
}
