// The one Admin API client. Request handlers, the order sync and the job runner all send their
// operations through `AdminClient.request`, which:
// - paces calls by the shop's leaky bucket (ThrottleGate, read from every answer's
//   extensions.cost.throttleStatus) and waits out THROTTLED answers, retrying them up to
//   `maxThrottledInARow` (0 for a request handler: a page reports it instead of hanging);
// - keeps an answer whose only errors are withheld protected customer fields (redactions.ts);
// - parses the data with a zod parser that may read only what the document selects
//   (operations.ts), so a route, a sync or a job never handles raw JSON or a cast;
// - turns every failure into AdminApiError or TransientAdminError (admin-errors.ts).
// The token comes from whoever built `admin`: authenticate.admin for a request, backgroundAdmin
// (app/auth/, which refreshes expiring tokens) for work outside one.
import { GraphqlQueryError, HttpRequestError, HttpResponseError } from "@shopify/shopify-api";
import type { z } from "zod";
import {
  AdminApiError,
  TransientAdminError,
  graphqlErrorDetails,
  shapeError,
} from "./admin-errors";
import {
  isMutation,
  operationName,
  type AdminDocument,
  type OperationData,
  type ReadsOnlySelected,
  type VariablesArgument,
} from "./operations";
import { redactedAnswer, type Redacted } from "./redactions";
import { queryCost, ThrottleGate, type QueryCost, type ThrottleStatus } from "./throttle-gate";

/** admin.graphql from authenticate.admin(request) or backgroundAdmin(shop). */
export interface AdminGraphql {
  graphql: (
    query: string,
    options?: { variables?: Record<string, unknown>; signal?: AbortSignal },
  ) => Promise<Response>;
}

export interface AdminClientStats {
  calls: number;
  /** THROTTLED answers waited out. */
  throttled: number;
  transient: number;
  /** Sum of actualQueryCost. */
  cost: number;
  /** Time the gate spent waiting for the bucket (all its clients together, when it is shared). */
  waitedMs: number;
}

export interface AdminClientOptions {
  /** The shop's bucket; share one between clients of the same shop. Default: a gate of its own. */
  gate?: ThrottleGate;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** An answer slower than this is treated as lost (the mutation may still have happened). */
  timeoutMs?: number;
  /** THROTTLED answers in a row waited out before giving up with a TransientAdminError. */
  maxThrottledInARow?: number;
}

// Shopify charges a flat 10 for each mutation root field; a query's cost is learned on first use.
const MUTATION_COST = 10;
const FIRST_QUERY_COST = 20;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Answer {
  data: unknown;
  redacted: Redacted[];
}

export class AdminClient {
  private readonly counts = { calls: 0, throttled: 0, transient: 0, cost: 0 };
  private readonly gate: ThrottleGate;
  private readonly knownCost = new Map<string, number>();
  private readonly maxThrottledInARow: number;

  constructor(
    private readonly admin: AdminGraphql,
    private readonly options: AdminClientOptions = {},
  ) {
    this.gate =
      options.gate ??
      new ThrottleGate({ now: options.now ?? Date.now, sleep: options.sleep ?? realSleep });
    this.maxThrottledInARow = options.maxThrottledInARow ?? 100;
  }

  /** Calls, THROTTLED answers, transient failures and cost so far; waiting is the gate's. */
  get stats(): AdminClientStats {
    return { ...this.counts, waitedMs: this.gate.waitedMs };
  }

  /** Sends `document` and returns its data as `parser` reads it. */
  async request<D extends AdminDocument, Parser extends z.ZodTypeAny>(
    document: D,
    parser: Parser & ReadsOnlySelected<Parser, OperationData<D>>,
    ...variables: VariablesArgument<D>
  ): Promise<z.output<Parser>> {
    return (await this.requestWithRedactions(document, parser, ...variables)).data;
  }

  /** As `request`, and says which protected customer fields Shopify withheld (redactions.ts). */
  async requestWithRedactions<D extends AdminDocument, Parser extends z.ZodTypeAny>(
    document: D,
    parser: Parser & ReadsOnlySelected<Parser, OperationData<D>>,
    ...[variables]: VariablesArgument<D>
  ): Promise<{ data: z.output<Parser>; redacted: Redacted[] }> {
    const name = operationName(document);
    const answer = await this.send(name, document, variables);
    const parsed = parser.safeParse(answer.data);
    if (!parsed.success) throw shapeError(name, parsed.error);
    return { data: parsed.data, redacted: answer.redacted };
  }

  private async send(
    name: string,
    document: string,
    variables: object | undefined,
  ): Promise<Answer> {
    let throttledInARow = 0;
    for (;;) {
      const cost =
        this.knownCost.get(name) ?? (isMutation(document) ? MUTATION_COST : FIRST_QUERY_COST);
      await this.gate.acquire(cost);
      let body: unknown;
      try {
        this.counts.calls += 1;
        const response = await this.admin.graphql(document, {
          ...(variables ? { variables: { ...variables } } : {}),
          ...(this.options.timeoutMs
            ? { signal: AbortSignal.timeout(this.options.timeoutMs) }
            : {}),
        });
        body = await response.json();
      } catch (error) {
        if (!(error instanceof GraphqlQueryError)) {
          this.gate.release(cost, null);
          throw this.transportError(name, error);
        }
        const spent = queryCost(error.body);
        const status = this.remember(name, spent);
        const partial = redactedAnswer(error.body);
        if (partial) {
          this.gate.release(cost, status);
          return partial;
        }
        const details = graphqlErrorDetails(
          error.body && "errors" in error.body
            ? error.body.errors
            : (error.response ?? error.message),
        );
        if (!details.some((d) => d.code === "THROTTLED")) {
          this.gate.release(cost, status);
          throw new AdminApiError(
            name,
            details.length > 0 ? details : [{ message: error.message }],
          );
        }
        const wait = this.gate.throttled(cost, status);
        this.gate.release(cost, null);
        this.counts.throttled += 1;
        throttledInARow += 1;
        if (throttledInARow > this.maxThrottledInARow)
          throw new TransientAdminError(name, "throttled", details);
        await this.gate.pause(wait);
        continue;
      }
      const status = this.remember(name, queryCost(body));
      this.gate.release(cost, status);
      return {
        data: typeof body === "object" && body !== null && "data" in body ? body.data : undefined,
        redacted: [],
      };
    }
  }

  private remember(name: string, spent: QueryCost | null): ThrottleStatus | null {
    if (!spent) return null;
    if (spent.requestedQueryCost) this.knownCost.set(name, spent.requestedQueryCost);
    this.counts.cost += spent.actualQueryCost ?? 0;
    return spent.throttleStatus;
  }

  /** A failure below GraphQL: 5xx, 429, timeouts and dropped connections are transient. */
  private transportError(name: string, error: unknown): unknown {
    if (error instanceof HttpResponseError) {
      if (error.response.code >= 500 || error.response.code === 429) {
        this.counts.transient += 1;
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
      this.counts.transient += 1;
      return new TransientAdminError(
        name,
        error.name === "TimeoutError"
          ? "no answer in time"
          : `connection failed (${error.message.split("\n")[0] ?? ""})`,
      );
    }
    // Anything else passes through unchanged: the Remix library throws a Response to re-authenticate.
    return error;
  }
}

const REQUEST_THROTTLED_RETRIES = 2;

/**
 * One request from a request handler: no pacing across calls; a THROTTLED answer is waited out
 * twice at most (the gate's wait: the query's cost at the bucket's restore rate, well under a
 * second), so a page opened while background work spends the bucket still loads.
 */
export function adminQuery<D extends AdminDocument, Parser extends z.ZodTypeAny>(
  admin: AdminGraphql,
  document: D,
  parser: Parser & ReadsOnlySelected<Parser, OperationData<D>>,
  ...variables: VariablesArgument<D>
): Promise<z.output<Parser>> {
  return new AdminClient(admin, { maxThrottledInARow: REQUEST_THROTTLED_RETRIES }).request(
    document,
    parser,
    ...variables,
  );
}

/**
 * A client for a request handler that sends several queries (a plan read in batches): adminQuery's
 * pacing rules (THROTTLED waited out twice at most), one gate across its calls.
 */
export function requestAdminClient(admin: AdminGraphql): AdminClient {
  return new AdminClient(admin, { maxThrottledInARow: REQUEST_THROTTLED_RETRIES });
}

/** As adminQuery, and says which protected customer fields Shopify withheld (redactions.ts). */
export function adminQueryWithRedactions<D extends AdminDocument, Parser extends z.ZodTypeAny>(
  admin: AdminGraphql,
  document: D,
  parser: Parser & ReadsOnlySelected<Parser, OperationData<D>>,
  ...variables: VariablesArgument<D>
): Promise<{ data: z.output<Parser>; redacted: Redacted[] }> {
  return new AdminClient(admin, {
    maxThrottledInARow: REQUEST_THROTTLED_RETRIES,
  }).requestWithRedactions(document, parser, ...variables);
}
