// Admin GraphQL calls for order sync that follow Shopify's leaky bucket instead of failing on it:
// every answer's extensions.cost.throttleStatus says how full the bucket is, so the next call waits
// until its requested cost fits; a THROTTLED answer is retried after the restore time. Long syncs
// (reconcile, tags) go through here; they must never fail because the bucket was low.
import { GraphqlQueryError } from "@shopify/shopify-api";
import { z } from "zod";
import { AdminApiError, type AdminGraphql } from "../admin-api/graphql.server";
import { redactedAnswer } from "../admin-api/redactions";

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
const extensionsSchema = z.object({ cost: costSchema }).passthrough();
const bodySchema = z
  .object({ data: z.unknown().optional(), extensions: extensionsSchema.optional() })
  .passthrough();

export type ThrottleStatus = z.infer<typeof throttleSchema>;

export interface CallStats {
  calls: number;
  /** Sum of actualQueryCost. */
  cost: number;
  throttled: number;
  waitedMs: number;
}

export interface ThrottledAdminOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Gives up after this many THROTTLED answers in a row (a safety net, not a normal outcome). */
  maxThrottledRetries?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function operationName(document: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document)?.[1] ?? "Admin API request";
}

function isThrottled(errorBody: unknown): boolean {
  return JSON.stringify(errorBody ?? null).includes('"THROTTLED"');
}

/** One per sync run: remembers the last throttle status so calls pace themselves. */
export class ThrottledAdmin {
  readonly stats: CallStats = { calls: 0, cost: 0, throttled: 0, waitedMs: 0 };
  private last: ThrottleStatus | null = null;
  private lastRequested = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly admin: AdminGraphql,
    private readonly options: ThrottledAdminOptions = {},
  ) {
    this.sleep = options.sleep ?? realSleep;
  }

  /** How long to wait before a call that costs about `cost`, from the last status seen. */
  static waitFor(status: ThrottleStatus | null, cost: number): number {
    if (!status || status.currentlyAvailable >= cost) return 0;
    return Math.ceil(((cost - status.currentlyAvailable) / status.restoreRate) * 1000);
  }

  async query<Schema extends z.ZodTypeAny>(
    document: string,
    dataSchema: Schema,
    variables?: Record<string, unknown>,
  ): Promise<z.infer<Schema>> {
    const name = operationName(document);
    let throttledInARow = 0;
    for (;;) {
      const wait = ThrottledAdmin.waitFor(this.last, this.lastRequested);
      if (wait > 0) {
        this.stats.waitedMs += wait;
        await this.sleep(wait);
        if (this.last)
          this.last = {
            ...this.last,
            currentlyAvailable: Math.min(
              this.last.maximumAvailable,
              this.last.currentlyAvailable + (wait / 1000) * this.last.restoreRate,
            ),
          };
      }
      let body: unknown;
      try {
        this.stats.calls += 1;
        const response = await this.admin.graphql(document, variables ? { variables } : undefined);
        body = await response.json();
      } catch (error) {
        if (!(error instanceof GraphqlQueryError)) throw error;
        const parsed = bodySchema.safeParse(error.body);
        const cost = parsed.success ? parsed.data.extensions?.cost : undefined;
        if (cost) this.remember(cost);
        // Withheld protected customer fields (not approved) read as null; the rest is good.
        const partial = redactedAnswer(error.body);
        if (partial) {
          const data = dataSchema.safeParse(partial.data);
          if (data.success) return data.data;
        }
        if (!isThrottled(error.body)) throw new AdminApiError(name, [{ message: error.message }]);
        this.stats.throttled += 1;
        throttledInARow += 1;
        if (throttledInARow > (this.options.maxThrottledRetries ?? 50))
          throw new AdminApiError(name, [{ message: "Throttled", code: "THROTTLED" }]);
        // Without a status, wait a second: Standard restores 100 points in that time.
        if (!cost) {
          this.stats.waitedMs += 1000;
          await this.sleep(1000);
        }
        continue;
      }
      const parsed = bodySchema.safeParse(body);
      if (!parsed.success) throw new AdminApiError(name, [{ message: "unexpected response" }]);
      if (parsed.data.extensions) this.remember(parsed.data.extensions.cost);
      const data = dataSchema.safeParse(parsed.data.data);
      if (!data.success)
        throw new AdminApiError(name, [
          {
            message: `unexpected response shape: ${data.error.issues[0]?.message ?? "?"} at ${data.error.issues[0]?.path.join(".") ?? ""}`,
          },
        ]);
      return data.data;
    }
  }

  private remember(cost: z.infer<typeof costSchema>): void {
    this.last = cost.throttleStatus;
    this.lastRequested = cost.requestedQueryCost ?? 0;
    this.stats.cost += cost.actualQueryCost ?? 0;
  }
}
