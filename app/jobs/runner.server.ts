// The job runner: claims job items from the database and performs them through the Admin API,
// as many at once per shop as the shop's bucket allows (ThrottleGate), until none are left.
//
// Durability: an item goes pending → running → done | failed | skipped, each step one database
// write, the claim conditional on the old status so two loops can never take the same item.
// Killing the process leaves some items "running" with an unknown outcome. `start()` first
// puts them back to pending; their kind's `perform` is written to be called again safely
// (idempotency key replay, or a look at the order first), so nothing is acted on twice and
// nothing is skipped. Transient errors (5xx, timeouts, dropped connections) are retried with
// backoff inside the same claim and with the same key; THROTTLED never reaches this file.
import type { PrismaClient } from "@prisma/client";
import { AdminApiError, TransientAdminError } from "../admin-api/admin-errors";
import { AdminClient, type AdminClientStats, type AdminGraphql } from "../admin-api/graphql.server";
import { ThrottleGate } from "../admin-api/throttle-gate";
import type { ItemOutcome, JobKindRegistry } from "./job-kind";

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
  /** Called after each item settles; tests use it to kill the runner at a chosen moment. */
  onItemSettled?: (item: { id: string; orderId: string; status: ItemOutcome["status"] }) => void;
}

interface ShopWorker {
  gate: ThrottleGate;
  admin: AdminClient;
  active: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const defaultBackoff = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));

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

  constructor(private readonly options: JobRunnerOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Recovers interrupted items, then runs jobs until `stop()`. */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.recover().then(() => this.runLoop(false));
  }

  /** Finishes the items in hand (no new claims) and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  /** Recovers, then runs until no job has work left: for tests, the bench and scripts. */
  async runUntilIdle(): Promise<void> {
    this.stopping = false;
    await this.recover();
    await this.runLoop(true);
  }

  /** Admin API figures per shop since this runner started. */
  stats(shop: string): AdminClientStats | null {
    return this.workers.get(shop)?.admin.stats ?? null;
  }

  /** Nudges an idle runner (a job was just created or resumed). */
  poke(): void {
    this.wake?.();
  }

  private async recover(): Promise<void> {
    await this.options.db.jobItem.updateMany({
      where: { status: "running" },
      data: { status: "pending" },
    });
  }

  private async runLoop(untilIdle: boolean): Promise<void> {
    while (!this.stopping) {
      const started = await this.tick();
      if (untilIdle && started === 0 && this.running.size === 0 && !(await this.hasWork())) break;
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

  private async hasWork(): Promise<boolean> {
    const jobs = await this.options.db.job.count({
      where: { status: { in: ["pending", "running"] } },
    });
    return jobs > 0;
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
      const free = worker.gate.concurrency - worker.active;
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
      // A cancelled job runs only the items it had begun before a crash: their outcome must be settled.
      const candidates = await db.jobItem.findMany({
        where: {
          jobId: job.id,
          status: "pending",
          ...(job.status === "cancelled" ? { attempts: { gt: 0 } } : {}),
        },
        orderBy: { id: "asc" },
        take: free,
      });
      for (const candidate of candidates) {
        const claimed = await db.jobItem.updateMany({
          where: { id: candidate.id, status: "pending" },
          data: { status: "running", attempts: { increment: 1 } },
        });
        if (claimed.count !== 1) continue;
        started += 1;
        worker.active += 1;
        const run = this.runItem(
          job,
          { ...candidate, attempts: candidate.attempts + 1 },
          worker,
        ).finally(() => {
          worker.active -= 1;
          this.running.delete(run);
        });
        this.running.add(run);
      }
    }
    return started;
  }

  private async runItem(
    job: { id: string; shop: string; kind: string; params: string; createdBy: string | null },
    item: {
      id: string;
      orderId: string;
      idempotencyKey: string;
      attempts: number;
      amount: string | null;
      result: string | null;
    },
    worker: ShopWorker,
  ): Promise<void> {
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
                await db.jobItem.update({
                  where: { id: item.id },
                  data: { result: JSON.stringify({ checkpoint: data }) },
                });
              },
            },
            {
              id: item.id,
              orderId: item.orderId,
              idempotencyKey: item.idempotencyKey,
              attempt,
              amount: item.amount,
            },
            params,
          );
        } catch (error) {
          if (error instanceof TransientAdminError) {
            const maxAttempts = this.options.maxAttempts ?? 5;
            if (attempt >= maxAttempts || this.stopping) {
              // Stopping mid-retry: leave the item running; the next start re-runs it with its key.
              if (this.stopping) return;
              outcome = {
                status: "failed",
                reason: `Shopify did not answer after ${attempt} tries (${error.message}). Retrying is safe: the same request key is used.`,
              };
              break;
            }
            await this.sleep((this.options.backoffMs ?? defaultBackoff)(attempt));
            attempt += 1;
            await db.jobItem.update({ where: { id: item.id }, data: { attempts: attempt } });
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
    const reason = outcome.status === "done" ? null : outcome.reason;
    const detail = outcome.detail ?? {};
    await db.$transaction(async (tx) => {
      await tx.jobItem.update({
        where: { id: item.id },
        data: {
          status: outcome.status,
          error: reason,
          result: JSON.stringify({
            checkpoint,
            outcome: detail,
            ...(outcome.status === "done" ? { summary: outcome.summary } : {}),
          }),
        },
      });
      if (outcome.status === "done" && kind?.timelineKind) {
        await tx.orderEvent.create({
          data: {
            shop: job.shop,
            orderId: item.orderId,
            kind: kind.timelineKind,
            actorId: job.createdBy ?? "system",
            detail: JSON.stringify({
              jobId: job.id,
              itemId: item.id,
              jobKind: job.kind,
              summary: outcome.summary,
              ...detail,
            }),
          },
        });
      }
    });
    this.options.onItemSettled?.({ id: item.id, orderId: item.orderId, status: outcome.status });
  }
}
