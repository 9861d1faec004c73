// The Admin API as a job sees it: every call waits at the shop's ThrottleGate, THROTTLED answers
// are waited out and tried again (they are the bucket's way of saying "later", never a failure),
// and every other problem is sorted into one of two kinds the runner acts on:
// - TransientAdminError: a 5xx, a timeout, a dropped connection. The mutation may or may not have
//   taken effect, so the caller retries the whole remedy, which re-checks or replays its key.
// - AdminApiError: Shopify understood and refused (bad query, 4xx). Retrying would not help.
import { GraphqlQueryError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import { z } from "zod";
import { AdminApiError, type AdminApiErrorDetail } from "../admin-api/graphql.server";
import type { ThrottleGate, ThrottleStatus } from "./throttle-gate";

/** admin.graphql from `backgroundAdmin(shop)` or `authenticate.admin(request)`. */
export interface JobAdminGraphql {
  graphql: (
    query: string,
    options?: { variables?: Record<string, unknown>; signal?: AbortSignal },
  ) => Promise<Response>;
}

export class TransientAdminError extends Error {
  override name = "TransientAdminError";
  constructor(
    readonly operation: string,
    message: string,
  ) {
    super(`${operation}: ${message}`);
  }
}

export interface PacedAdminStats {
  calls: number;
  /** THROTTLED answers waited out (never surfaced as failures). */
  throttled: number;
  transient: number;
  cost: number;
}

const throttleSchema = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number().positive(),
});
const costSchema = z.object({
  requestedQueryCost: z.number().nullable().optional(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus: throttleSchema,
});
const bodySchema = z
  .object({
    data: z.unknown().optional(),
    errors: z.unknown().optional(),
    extensions: z.object({ cost: costSchema.optional() }).passthrough().optional(),
  })
  .passthrough();
const errorListSchema = z.array(
  z
    .object({
      message: z.string(),
      extensions: z.object({ code: z.string().optional() }).passthrough().optional(),
    })
    .passthrough(),
);

export interface PacedAdminOptions {
  sleep: (ms: number) => Promise<void>;
  /** An answer slower than this is treated as lost (the mutation may still have happened). */
  timeoutMs?: number;
  /** A safety net: THROTTLED this many times in a row means something else is wrong. */
  maxThrottledInARow?: number;
}

// Shopify charges a flat 10 for each mutation root field; a query's cost is learned on first use.
const MUTATION_COST = 10;

export function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? "Admin API request";
}

// The library wraps Shopify's `errors` array as { networkStatusCode, message, graphQLErrors: [...] }.
const wrappedErrorsSchema = z.object({ graphQLErrors: z.array(z.unknown()) }).passthrough();

function graphqlErrors(errors: unknown): AdminApiErrorDetail[] {
  const wrapped = wrappedErrorsSchema.safeParse(errors);
  const parsed = errorListSchema.safeParse(wrapped.success ? wrapped.data.graphQLErrors : errors);
  if (!parsed.success)
    return [{ message: typeof errors === "string" ? errors : JSON.stringify(errors) }];
  return parsed.data.map((e) =>
    e.extensions?.code ? { message: e.message, code: e.extensions.code } : { message: e.message },
  );
}

export class PacedAdmin {
  readonly stats: PacedAdminStats = { calls: 0, throttled: 0, transient: 0, cost: 0 };
  private readonly knownCost = new Map<string, number>();

  constructor(
    private readonly admin: JobAdminGraphql,
    private readonly gate: ThrottleGate,
    private readonly options: PacedAdminOptions,
  ) {}

  async request<Schema extends z.ZodTypeAny>(
    document: string,
    dataSchema: Schema,
    variables: Record<string, unknown>,
  ): Promise<z.infer<Schema>> {
    const name = operationName(document);
    const isMutation = /^\s*(?:#graphql\s*)?mutation\b/.test(document);
    let throttledInARow = 0;
    for (;;) {
      const cost = this.knownCost.get(name) ?? (isMutation ? MUTATION_COST : 20);
      await this.gate.acquire(cost);
      let status: ThrottleStatus | null = null;
      let body: unknown;
      try {
        this.stats.calls += 1;
        const response = await this.admin.graphql(document, {
          variables,
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        body = await response.json();
      } catch (error) {
        const errorBody =
          error instanceof GraphqlQueryError ? bodySchema.safeParse(error.body) : null;
        status = errorBody?.success
          ? (errorBody.data.extensions?.cost?.throttleStatus ?? null)
          : null;
        if (error instanceof GraphqlQueryError) {
          const details = graphqlErrors(errorBody?.success ? errorBody.data.errors : undefined);
          if (details.some((d) => d.code === "THROTTLED")) {
            const wait = this.gate.throttled(cost, status);
            this.gate.release(cost, null);
            this.stats.throttled += 1;
            throttledInARow += 1;
            if (throttledInARow > (this.options.maxThrottledInARow ?? 100))
              throw new TransientAdminError(name, "throttled too many times in a row");
            await this.options.sleep(wait);
            continue;
          }
          this.gate.release(cost, status);
          throw new AdminApiError(
            name,
            details.length > 0 ? details : [{ message: error.message }],
          );
        }
        this.gate.release(cost, null);
        throw this.classify(name, error);
      }
      const parsed = bodySchema.safeParse(body);
      const costInfo = parsed.success ? parsed.data.extensions?.cost : undefined;
      if (costInfo) {
        status = costInfo.throttleStatus;
        if (costInfo.requestedQueryCost) this.knownCost.set(name, costInfo.requestedQueryCost);
        this.stats.cost += costInfo.actualQueryCost ?? 0;
      }
      this.gate.release(cost, status);
      const data = dataSchema.safeParse(parsed.success ? parsed.data.data : undefined);
      if (!data.success) {
        const issue = data.error.issues[0];
        throw new AdminApiError(name, [
          {
            message: `unexpected response shape: ${issue?.message ?? "?"} at ${issue?.path.join(".") ?? ""}`,
          },
        ]);
      }
      return data.data;
    }
  }

  private classify(name: string, error: unknown): Error {
    if (error instanceof HttpResponseError) {
      if (error.response.code >= 500 || error.response.code === 429) {
        this.stats.transient += 1;
        return new TransientAdminError(name, `Shopify answered ${error.response.code}`);
      }
      return new AdminApiError(name, [
        { message: `Shopify answered ${error.response.code} ${error.response.statusText}` },
      ]);
    }
    if (
      error instanceof HttpRequestError ||
      (error instanceof Error &&
        (error.name === "TimeoutError" ||
          error.name === "AbortError" ||
          error.name === "TypeError"))
    ) {
      this.stats.transient += 1;
      return new TransientAdminError(
        name,
        error.name === "TimeoutError"
          ? "no answer in time"
          : `connection failed (${error.message.split("\n")[0] ?? ""})`,
      );
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
