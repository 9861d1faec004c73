// Runs one Admin GraphQL operation and returns its data parsed by a zod schema, so a route never
// handles raw JSON or a cast. GraphQL errors (including THROTTLED) become an AdminApiError with
// Shopify's messages and codes; callers decide whether to retry.
import { GraphqlQueryError } from "@shopify/shopify-api";
import type { z } from "zod";
import { redactedAnswer, type Redacted } from "./redactions";

/** The part of `admin` (from authenticate.admin) this module needs. */
export interface AdminGraphql {
  graphql: (query: string, options?: { variables?: Record<string, unknown> }) => Promise<Response>;
}

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

function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? "Admin API request";
}

function errorDetails(errors: unknown): AdminApiErrorDetail[] {
  // The library wraps Shopify's list as { networkStatusCode, message, graphQLErrors: [...] }.
  const unwrapped =
    typeof errors === "object" &&
    errors !== null &&
    "graphQLErrors" in errors &&
    Array.isArray(errors.graphQLErrors)
      ? errors.graphQLErrors
      : errors;
  const list = Array.isArray(unwrapped) ? unwrapped : [unwrapped];
  return list.map((error) => {
    if (typeof error === "object" && error !== null) {
      const message =
        "message" in error && typeof error.message === "string"
          ? error.message
          : JSON.stringify(error);
      const extensions = "extensions" in error ? error.extensions : undefined;
      const code =
        typeof extensions === "object" &&
        extensions !== null &&
        "code" in extensions &&
        typeof extensions.code === "string"
          ? extensions.code
          : undefined;
      return code ? { message, code } : { message };
    }
    return { message: String(error) };
  });
}

export async function adminQuery<Schema extends z.ZodTypeAny>(
  admin: AdminGraphql,
  document: string,
  dataSchema: Schema,
  variables?: Record<string, unknown>,
): Promise<z.infer<Schema>> {
  return (await adminQueryWithRedactions(admin, document, dataSchema, variables)).data;
}

/** As adminQuery, and says which protected customer fields Shopify withheld (redactions.ts). */
export async function adminQueryWithRedactions<Schema extends z.ZodTypeAny>(
  admin: AdminGraphql,
  document: string,
  dataSchema: Schema,
  variables?: Record<string, unknown>,
): Promise<{ data: z.infer<Schema>; redacted: Redacted[] }> {
  const name = operationName(document);
  let data: unknown;
  let redacted: Redacted[] = [];
  try {
    const response = await admin.graphql(document, variables ? { variables } : undefined);
    const body: unknown = await response.json();
    data = typeof body === "object" && body !== null && "data" in body ? body.data : undefined;
  } catch (error) {
    if (!(error instanceof GraphqlQueryError)) throw error;
    const partial = redactedAnswer(error.body);
    if (!partial) {
      const errors = error.body && "errors" in error.body ? error.body.errors : error.response;
      throw new AdminApiError(name, errorDetails(errors ?? error.message));
    }
    data = partial.data;
    redacted = partial.redacted;
  }
  const parsed = dataSchema.safeParse(data);
  if (!parsed.success) {
    throw new AdminApiError(name, [
      { message: `unexpected response shape: ${parsed.error.issues[0]?.message ?? "?"}` },
    ]);
  }
  return { data: parsed.data, redacted };
}
