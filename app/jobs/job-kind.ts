// What a kind of bulk job is: a zod schema for its parameters, a `plan` that turns a list of
// orders into items (with the money involved, for the confirmation), and `perform`, which acts
// on one item. The runner owns everything else (claiming, pacing, retries, crash recovery,
// progress), so remedies and e-mail notices share one durable machinery.
//
// The contract `perform` must keep: it may be called again for an item whose earlier call's
// outcome is unknown (a timeout, a crash). It must then not act twice: replay an idempotency
// key, or look at the order first. `ctx.checkpoint` stores what it decided (e.g. the exact
// refund input) before it acts, and `ctx.previous` hands it back on the next call.
import type { PrismaClient } from "@prisma/client";
import type { z } from "zod";
import type { AdminClient } from "../admin-api/graphql.server";

export interface PlannedItem {
  orderId: string;
  /** Decimal string in the shop's currency, or null when no money moves. */
  amount: string | null;
  /** The same money in the buyer's currency (decision 008), when the plan knows it. */
  presentment?: { amount: string; currencyCode: string } | null;
}

export interface PlanContext {
  shop: string;
  db: PrismaClient;
  /**
   * The Admin API, for a plan whose amounts only Shopify knows (the shipping cost back:
   * Order.suggestedRefund). Absent where a job is planned without a request (a customer's choice,
   * a consent deadline); such plans read the local copy.
   */
  admin?: AdminClient;
}

export interface ItemToPerform {
  id: string;
  /** The item's job (the runner knows it; a kind need not read the item to find it). */
  jobId?: string;
  orderId: string;
  idempotencyKey: string;
  /** 1 on the first call; higher after a retry or a restart. */
  attempt: number;
  amount: string | null;
}

export interface PerformContext {
  shop: string;
  admin: AdminClient;
  /** What the last call stored with `checkpoint`, or null. */
  previous: unknown;
  /** Waits (polling an asynchronous Shopify job); the runner's clock, so tests need not sleep. */
  sleep(ms: number): Promise<void>;
  /** Durably stores `data` on the item before the caller goes on (awaited). */
  checkpoint(data: Record<string, unknown>): Promise<void>;
}

/** What a batch of items shares: no checkpoints (a kind that needs them performs one by one). */
export type BatchContext = Pick<PerformContext, "shop" | "admin" | "sleep">;

export type ItemOutcome =
  | { status: "done"; summary: string; detail: Record<string, unknown> }
  | { status: "skipped"; reason: string; detail?: Record<string, unknown> }
  | { status: "failed"; reason: string; detail?: Record<string, unknown> };

export interface JobKind<Params = unknown> {
  kind: string;
  /** Shown to staff: "Full refund (order still ships)". */
  label: string;
  params: z.ZodType<Params, z.ZodTypeDef, unknown>;
  plan(ctx: PlanContext, params: Params, orderIds: readonly string[]): Promise<PlannedItem[]>;
  /**
   * Optional, for a kind whose plan asks Shopify for every order (a cost that grows with the
   * selection: the shipping cost back): the orders its plan would consider, read from the local
   * copy alone, in the plan's order. A confirmation page counts these and asks Shopify about the
   * first few only. Null: with these parameters the plan reads the local copy only.
   */
  candidates?(
    ctx: PlanContext,
    params: Params,
    orderIds: readonly string[],
  ): Promise<string[] | null>;
  perform(ctx: PerformContext, item: ItemToPerform, params: Params): Promise<ItemOutcome>;
  /**
   * Optional: performs up to `batchSize` claimed items of one job together, so their reads and
   * writes cost a constant number of statements per batch rather than per item. The same contract
   * as `perform` holds for each item. An item it leaves out of the result (one it cannot decide in
   * bulk: a retry, a replay, a rare case) is then performed alone with `perform`; if it throws, every
   * item is, so it must leave nothing half done that `perform` cannot pick up.
   */
  performBatch?(
    ctx: BatchContext,
    items: ItemToPerform[],
    params: Params,
  ): Promise<Map<string, ItemOutcome>>;
  /** How many items `performBatch` takes at once. */
  batchSize?: number;
  /** OrderEvent kind for the order timeline ("remedy", "notice"); null records none. */
  timelineKind: string | null;
}

/** Keeps `Params` checked inside one definition while the registry holds kinds of any params. */
export function defineJobKind<Params>(kind: JobKind<Params>): JobKind<unknown> {
  const batch = kind.performBatch?.bind(kind);
  const candidates = kind.candidates?.bind(kind);
  return {
    ...kind,
    plan: (ctx, params, orderIds) => kind.plan(ctx, kind.params.parse(params), orderIds),
    ...(candidates
      ? {
          candidates: (ctx: PlanContext, params: unknown, orderIds: readonly string[]) =>
            candidates(ctx, kind.params.parse(params), orderIds),
        }
      : {}),
    perform: (ctx, item, params) => kind.perform(ctx, item, kind.params.parse(params)),
    ...(batch
      ? {
          performBatch: (ctx: BatchContext, items: ItemToPerform[], params: unknown) =>
            batch(ctx, items, kind.params.parse(params)),
        }
      : {}),
  };
}

export class JobKindRegistry {
  private readonly kinds = new Map<string, JobKind<unknown>>();

  register(kind: JobKind<unknown>): this {
    if (this.kinds.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is registered twice.`);
    this.kinds.set(kind.kind, kind);
    return this;
  }

  get(kind: string): JobKind<unknown> | undefined {
    return this.kinds.get(kind);
  }

  list(): JobKind<unknown>[] {
    return [...this.kinds.values()];
  }
}
