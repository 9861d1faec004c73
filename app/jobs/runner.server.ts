// The job runner: claims job items from the database and performs them through the Admin API,
// as many at once per shop as the shop's bucket allows (ThrottleGate), until none are left.
//
// Durability: an item goes pending → running → done | failed | skipped, each step one database
// write. Several app processes share the table: a claim is one conditional write that also takes
// a lease (leaseOwner, leaseUntil: app/leases/lease.ts), the runner renews the leases of the items
// in hand, and every later write of an item is conditional on still holding its lease. A process
// that dies leaves its items "running" until their lease runs out; then any runner takes them over
// (never earlier, and never at some other process's start: decision 012). Their kind's `perform`
// is written to be called again safely (idempotency key replay, or a look at the order first), so
// nothing is acted on twice and nothing is skipped. Transient errors (5xx, timeouts, dropped connections) are retried with
// backoff inside the same claim and with the same key; THROTTLED never reaches this file. So is a
// busy database (SQLite's write lock held past its busy timeout by another process, PostgreSQL's
// write conflicts and dropped connections: transient-database-error.ts): the runner's own writes
// are retried, `perform` is called again, and the loop backs off, all with the capped exponential
// delay the other queues use (app/retry-delay.ts), so a busy database slows a job but fails no item.
import type { Prisma, PrismaClient } from "@prisma/client";
import { AdminApiError, TransientAdminError } from "../admin-api/admin-errors";
import { AdminClient, type AdminClientStats, type AdminGraphql } from "../admin-api/graphql.server";
import { ThrottleGate } from "../admin-api/throttle-gate";
import type { ItemOutcome, JobKind, JobKindRegistry } from "./job-kind";
import { retryDelay } from "../retry-delay";
import { recordSettledItems } from "../outcomes/record-outcomes.server";
import { isTransientDatabaseError } from "./transient-database-error";
import {
  DEFAULT_LEASE_MS,
  heartbeatMs,
  leaseFree,
  leasedTo,
  newLeaseOwner,
  released,
} from "../leases/lease";
import { yieldToEventLoop } from "../yield-to-event-loop";

export interface JobRunnerOptions {
  db: PrismaClient;
  registry: JobKindRegistry;
  /** The Admin API for a shop, outside any request: `backgroundAdmin(shop)` (refreshes expiring tokens). */
  adminFor: (shop: string) => Promise<AdminGraphql>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** How often to look for new or resumed jobs when idle. */
  pollMs?: number;
  /** Tries per item for transient errors before it is marked failed (staff can retry it). */
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
  maxConcurrency?: number;
  timeoutMs?: number;
  /** This process in leaseOwner (default: host, pid and a random part). */
  owner?: string;
  /** How long a claimed item stays this runner's without a heartbeat (default 60 s). */
  leaseMs?: number;
}

interface ShopWorker {
  gate: ThrottleGate;
  admin: AdminClient;
  active: number;
  /** Batches in flight, and the job they belong to (one job's batches at a time). */
  batches: number;
  batchJob: string | null;
}

interface JobRow {
  id: string;
  shop: string;
  kind: string;
  params: string;
  createdBy: string | null;
  createdByName: string | null;
}

interface ClaimedItem {
  id: string;
  orderId: string;
  idempotencyKey: string;
  attempts: number;
  amount: string | null;
  result: string | null;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const defaultBackoff = (attempt: number) => retryDelay(attempt, { baseMs: 500, capMs: 30_000 });
/** Batches of a batch kind in flight per shop at once. */
const BATCHES_IN_FLIGHT = 2;
/** Tries of one of the runner's own writes while the database stays busy, before giving up on it. */
const DATABASE_TRIES = 8;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const checkpointSchemaKey = "checkpoint";

function parseResult(text: string | null): { checkpoint: unknown } {
  if (!text) return { checkpoint: null };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && checkpointSchemaKey in value)
      return { checkpoint: value.checkpoint };
  } catch {
    // A result we cannot read holds no checkpoint; perform then checks the order itself.
  }
  return { checkpoint: null };
}

export class JobRunner {
  private readonly workers = new Map<string, ShopWorker>();
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly owner: string;
  private readonly leaseMs: number;
  /** Items this runner holds the lease of (renewed by the heartbeat). */
  private readonly inHand = new Set<string>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly options: JobRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.owner = options.owner ?? newLeaseOwner();
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  /** Runs jobs until `stop()`, taking over items whose lease ran out. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.heartbeat = setInterval(() => void this.renewLeases(), heartbeatMs(this.leaseMs));
    this.heartbeat.unref();
    this.loop = this.runLoop();
  }

  /** Finishes the items in hand (no new claims) and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.loop = null;
  }

  /** Admin API figures per shop since this runner started. */
  stats(shop: string): AdminClientStats | null {
    return this.workers.get(shop)?.admin.stats ?? null;
  }

  /** Nudges an idle runner (a job was just created or resumed). */
  poke(): void {
    this.wake?.();
  }

  /** Wall time for leases: other processes compare it with theirs (never the test clock). */
  private leaseNow(): Date {
    return new Date();
  }

  private async renewLeases(): Promise<void> {
    if (this.inHand.size === 0) return;
    try {
      await this.options.db.jobItem.updateMany({
        where: { id: { in: [...this.inHand] }, leaseOwner: this.owner, status: "running" },
        data: leasedTo(this.owner, this.leaseNow(), this.leaseMs),
      });
    } catch (error) {
      // A missed beat is survivable (the lease lasts three of them); the next one retries.
      console.warn(
        `job runner: renewing leases failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private backoff(attempt: number): number {
    return (this.options.backoffMs ?? defaultBackoff)(attempt);
  }

  /**
   * One of the runner's own writes, tried again while the database is busy. Every write it wraps
   * is conditional on the lease or on the row as read, so running it twice changes nothing.
   */
  private async retryingBusy<T>(what: string, write: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        if (!isTransientDatabaseError(error) || attempt >= DATABASE_TRIES) throw error;
        console.warn(
          `job runner: ${what}: database busy (try ${attempt} of ${DATABASE_TRIES}), retrying: ${messageOf(error)}`,
        );
        await this.sleep(this.backoff(attempt));
      }
    }
  }

  /** The item as this runner holds it: writes after the claim are conditional on the lease. */
  private mine(id: string) {
    return { id, leaseOwner: this.owner };
  }

  private async runLoop(): Promise<void> {
    let failedTicks = 0;
    while (!this.stopping) {
      // Tick after tick (items finishing one after another) lets requests and probes in between.
      await yieldToEventLoop();
      let started: number;
      try {
        started = await this.tick();
        failedTicks = 0;
      } catch (error) {
        // A busy or unreachable database: look again later, less and less often, never in a
        // tight loop; the items in hand go on meanwhile.
        failedTicks += 1;
        const delay = this.backoff(failedTicks);
        const line = `job runner: looking for work failed (${failedTicks} in a row), retrying in ${delay} ms: ${messageOf(error)}`;
        if (isTransientDatabaseError(error)) console.warn(line);
        else console.error(line);
        await Promise.race([this.sleep(delay), new Promise<void>((r) => (this.wake = r))]);
        continue;
      }
      const woken = new Promise<void>((resolve) => (this.wake = resolve));
      if (started === 0)
        await Promise.race([
          woken,
          this.running.size > 0
            ? Promise.race(this.running)
            : this.sleep(this.options.pollMs ?? 1000),
        ]);
      else
        await Promise.race([
          woken,
          Promise.race(this.running),
          this.sleep(this.options.pollMs ?? 1000),
        ]);
    }
    await Promise.all(this.running);
  }

  private worker(shop: string): ShopWorker {
    let worker = this.workers.get(shop);
    if (!worker) {
      const gate = new ThrottleGate({
        now: this.now,
        sleep: this.sleep,
        ...(this.options.maxConcurrency ? { maxConcurrency: this.options.maxConcurrency } : {}),
      });
      const adminFor = this.options.adminFor;
      const lazy: AdminGraphql = {
        graphql: async (query, opts) => (await adminFor(shop)).graphql(query, opts),
      };
      worker = {
        gate,
        admin: new AdminClient(lazy, {
          gate,
          sleep: this.sleep,
          timeoutMs: this.options.timeoutMs ?? 30_000,
        }),
        active: 0,
        batches: 0,
        batchJob: null,
      };
      this.workers.set(shop, worker);
    }
    return worker;
  }

  /** Starts as many items as the shops' gates allow; returns how many it started. */
  private async tick(): Promise<number> {
    const db = this.options.db;
    const jobs = await db.job.findMany({
      where: { status: { in: ["pending", "running", "cancelled"] } },
      orderBy: { createdAt: "asc" },
    });
    let started = 0;
    for (const job of jobs) {
      if (job.status === "pending") {
        await db.job.updateMany({
          where: { id: job.id, status: "pending" },
          data: { status: "running", startedAt: new Date(this.now()) },
        });
        job.status = "running";
      }
      const worker = this.worker(job.shop);
      const kind = this.options.registry.get(job.kind);
      // A kind that performs in batches takes a whole batch per tick, two batches in flight at
      // most (one waiting on the database while the other waits on the network): the batch, not
      // the item, pays for the reads, the writes and the tick.
      // A runner told how many items to hold at once (maxConcurrency) holds no more in batches.
      // One job's batches at a time per shop: a second job of the same orders then finds the
      // first's notices sent, not on their way.
      const batchSize = kind?.performBatch ? Math.max(1, kind.batchSize ?? 25) : 0;
      const inFlight = this.options.maxConcurrency ?? BATCHES_IN_FLIGHT * batchSize;
      const otherJob = worker.batchJob !== null && worker.batchJob !== job.id;
      const free =
        batchSize > 0
          ? otherJob
            ? 0
            : Math.min(batchSize, inFlight - worker.active)
          : worker.gate.concurrency - worker.active;
      const open = await db.jobItem.count({
        where: { jobId: job.id, status: { in: ["pending", "running"] } },
      });
      if (open === 0) {
        if (job.status === "running")
          await db.job.updateMany({
            where: { id: job.id, status: "running" },
            data: { status: "completed", finishedAt: new Date(this.now()) },
          });
        continue;
      }
      if (free <= 0 || this.stopping) continue;
      // A cancelled job runs only the items it had begun before a crash: their outcome must be
      // settled. A running item whose lease ran out belongs to a process that died.
      const now = this.leaseNow();
      const candidates = await db.jobItem.findMany({
        where: {
          jobId: job.id,
          OR: [
            { status: "pending", ...(job.status === "cancelled" ? { attempts: { gt: 0 } } : {}) },
            { status: "running", ...leaseFree(now) },
          ],
        },
        orderBy: { id: "asc" },
        take: free,
      });
      if (candidates.length === 0) continue;
      // One conditional write claims the whole chunk: each row only as it was read (status and
      // lease), so of several runners that read it exactly one write matches it; the rows this
      // write took are the ones now leased to this claim's until-instant (leaseUntil is unique
      // to the claim: this runner's ticks never overlap and the heartbeat renews only items in
      // hand, which these are not yet).
      const lease = leasedTo(this.owner, now, this.leaseMs);
      await db.jobItem.updateMany({
        where: {
          OR: candidates.map((candidate) => ({
            id: candidate.id,
            status: candidate.status,
            leaseOwner: candidate.leaseOwner,
            leaseUntil: candidate.leaseUntil,
          })),
        },
        data: { status: "running", attempts: { increment: 1 }, ...lease },
      });
      const taken = new Set(
        (
          await db.jobItem.findMany({
            where: {
              id: { in: candidates.map((candidate) => candidate.id) },
              status: "running",
              ...lease,
            },
            select: { id: true },
          })
        ).map((row) => row.id),
      );
      if (kind && batchSize > 0) {
        const batch = candidates
          .filter((candidate) => taken.has(candidate.id))
          .map((candidate) => ({ ...candidate, attempts: candidate.attempts + 1 }));
        if (batch.length === 0) continue;
        for (const item of batch) this.inHand.add(item.id);
        started += batch.length;
        worker.active += batch.length;
        worker.batchJob = job.id;
        worker.batches += 1;
        const run = this.runBatch(job, batch, worker, kind)
          .catch((error: unknown) => {
            // As for one item: what could not be settled is taken over when its lease runs out.
            console.warn(
              `job runner: a batch of ${batch.length} items left for takeover after its lease: ${messageOf(error)}`,
            );
          })
          .finally(() => {
            worker.active -= batch.length;
            worker.batches -= 1;
            if (worker.batches === 0) worker.batchJob = null;
            for (const item of batch) this.inHand.delete(item.id);
            this.running.delete(run);
          });
        this.running.add(run);
        continue;
      }
      for (const candidate of candidates) {
        if (!taken.has(candidate.id)) continue;
        this.inHand.add(candidate.id);
        started += 1;
        worker.active += 1;
        const run = this.runItem(job, { ...candidate, attempts: candidate.attempts + 1 }, worker)
          .catch((error: unknown) => {
            // Its outcome could not be written (the database stayed busy through every try): the
            // item stays running under a lease nobody renews, and is taken over when it runs out.
            console.warn(
              `job runner: item ${candidate.id} left for takeover after its lease: ${messageOf(error)}`,
            );
          })
          .finally(() => {
            worker.active -= 1;
            this.inHand.delete(candidate.id);
            this.running.delete(run);
          });
        this.running.add(run);
      }
    }
    return started;
  }

  /**
   * A batch kind's items: performed together and settled in one transaction; the items the batch
   * leaves out (or all of them, if it throws) are performed one by one, which picks up whatever
   * the batch began (perform's contract: called again, it never acts twice).
   */
  private async runBatch(
    job: JobRow,
    items: ClaimedItem[],
    worker: ShopWorker,
    kind: JobKind<unknown>,
  ): Promise<void> {
    let outcomes = new Map<string, ItemOutcome>();
    if (kind.performBatch) {
      try {
        outcomes = await kind.performBatch(
          { shop: job.shop, admin: worker.admin, sleep: this.sleep },
          items.map((item) => ({
            id: item.id,
            jobId: job.id,
            orderId: item.orderId,
            idempotencyKey: item.idempotencyKey,
            attempt: item.attempts,
            amount: item.amount,
          })),
          JSON.parse(job.params),
        );
      } catch (error) {
        console.warn(
          `job runner: a batch of ${items.length} items goes on one by one: ${messageOf(error)}`,
        );
      }
    }
    const settled = items.flatMap((item) => {
      const outcome = outcomes.get(item.id);
      return outcome ? [{ item, outcome, checkpoint: parseResult(item.result).checkpoint }] : [];
    });
    if (settled.length > 0)
      await this.retryingBusy("settling a batch", () => this.settleAll(job, kind, settled));
    await Promise.all(
      items.filter((item) => !outcomes.has(item.id)).map((item) => this.runItem(job, item, worker)),
    );
  }

  private async runItem(job: JobRow, item: ClaimedItem, worker: ShopWorker): Promise<void> {
    const db = this.options.db;
    const kind = this.options.registry.get(job.kind);
    let checkpoint = parseResult(item.result).checkpoint;
    let attempt = item.attempts;
    let outcome: ItemOutcome;
    if (!kind) {
      outcome = {
        status: "failed",
        reason: `This server does not know jobs of kind "${job.kind}".`,
      };
    } else {
      const params: unknown = JSON.parse(job.params);
      for (;;) {
        try {
          outcome = await kind.perform(
            {
              shop: job.shop,
              admin: worker.admin,
              previous: checkpoint,
              sleep: this.sleep,
              checkpoint: async (data) => {
                checkpoint = data;
                await this.retryingBusy("writing a checkpoint", () =>
                  db.jobItem.updateMany({
                    where: this.mine(item.id),
                    data: { result: JSON.stringify({ checkpoint: data }) },
                  }),
                );
              },
            },
            {
              id: item.id,
              jobId: job.id,
              orderId: item.orderId,
              idempotencyKey: item.idempotencyKey,
              attempt,
              amount: item.amount,
            },
            params,
          );
        } catch (error) {
          // A busy database inside perform (the kind's own reads and writes) passes like a 5xx:
          // perform is called again, with the same key, after the same backoff.
          if (error instanceof TransientAdminError || isTransientDatabaseError(error)) {
            const maxAttempts = this.options.maxAttempts ?? 5;
            if (attempt >= maxAttempts || this.stopping) {
              // Stopping mid-retry: hand the item back; whoever claims it next re-runs it with its key.
              if (this.stopping) {
                await this.retryingBusy("handing an item back", () =>
                  db.jobItem.updateMany({
                    where: this.mine(item.id),
                    data: { status: "pending", ...released },
                  }),
                );
                return;
              }
              outcome = {
                status: "failed",
                reason:
                  error instanceof TransientAdminError
                    ? `Shopify did not answer after ${attempt} tries (${error.message}). Retrying is safe: the same request key is used.`
                    : `The app's database stayed busy through ${attempt} tries (${messageOf(error)}). Retrying is safe: the same request key is used.`,
              };
              break;
            }
            await this.sleep(this.backoff(attempt));
            attempt += 1;
            const next = attempt;
            await this.retryingBusy("counting a try", () =>
              db.jobItem.updateMany({ where: this.mine(item.id), data: { attempts: next } }),
            );
            continue;
          }
          outcome = {
            status: "failed",
            reason:
              error instanceof AdminApiError
                ? error.message
                : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
          };
        }
        break;
      }
    }
    const settled = outcome;
    const last = checkpoint;
    await this.retryingBusy("settling an item", () => this.settle(job, item, kind, settled, last));
  }

  private async settle(
    job: JobRow,
    item: { id: string; orderId: string },
    kind: JobKind<unknown> | undefined,
    outcome: ItemOutcome,
    checkpoint: unknown,
  ): Promise<void> {
    await this.settleAll(job, kind, [{ item, outcome, checkpoint }]);
  }

  /** Settles items in one transaction (a batch's: one commit, one insert of timeline events). */
  private async settleAll(
    job: JobRow,
    kind: JobKind<unknown> | undefined,
    entries: ReadonlyArray<{
      item: { id: string; orderId: string };
      outcome: ItemOutcome;
      checkpoint: unknown;
    }>,
  ): Promise<void> {
    const db = this.options.db;
    await db.$transaction(async (tx) => {
      const events: Prisma.OrderEventCreateManyInput[] = [];
      const counted: Array<{
        item: { id: string; orderId: string };
        detail: Record<string, unknown>;
      }> = [];
      for (const { item, outcome, checkpoint } of entries) {
        const reason = outcome.status === "done" ? null : outcome.reason;
        const detail = outcome.detail ?? {};
        // Settled only while the lease is still ours: had it run out (this process stalled), the
        // runner that took the item over settles it, and the timeline gets one event.
        const settled = await tx.jobItem.updateMany({
          where: this.mine(item.id),
          data: {
            ...released,
            status: outcome.status,
            error: reason,
            result: JSON.stringify({
              checkpoint,
              outcome: detail,
              ...(outcome.status === "done" ? { summary: outcome.summary } : {}),
            }),
          },
        });
        if (settled.count === 1 && outcome.status === "done" && kind?.timelineKind) {
          events.push({
            shop: job.shop,
            orderId: item.orderId,
            kind: kind.timelineKind,
            actorId: job.createdBy ?? "system",
            actorName: job.createdByName,
            detail: JSON.stringify({
              jobId: job.id,
              itemId: item.id,
              jobKind: job.kind,
              summary: outcome.summary,
              ...detail,
            }),
          });
          counted.push({ item, detail });
        }
      }
      if (events.length > 0) await tx.orderEvent.createMany({ data: events });
      // The outcomes page's notices and refunds, counted once with the item (app/outcomes/), a
      // batch's in a few statements.
      if (counted.length > 0) await recordSettledItems(tx, job, counted);
    });
  }
}
