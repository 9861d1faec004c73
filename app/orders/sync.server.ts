// Keeps each shop's TrackedOrders current, one pass per shop at a time in a process (webhooks
// arrive in bursts: a fulfilment sends orders/fulfilled and orders/updated; they are coalesced and
// the shop is re-forecast once). Work runs after the webhook has been answered, so Shopify never
// waits on a re-forecast. The queue is durable (SyncTask rows: a webhook's receipt and its task are
// one transaction, app/webhooks/order-webhooks.server.ts) and claimed with leases (decision 012):
// a pass takes the shop's due, unleased tasks, renews their lease while it runs and deletes them
// when done; a task queued again meanwhile stays for the next pass. A process that dies mid-pass
// leaves its tasks leased; when the lease runs out, any process's claim loop takes them over.
//
// Built once per process by the composition root (app/services.server.ts) with its dependencies:
// createOrderSync(deps). Entry points: ensureOrderSync (first page load: start the bulk import if
// the shop has none), queueOrderRefresh / queueBulkFinish (webhooks), queueReconcile (scheduler,
// "sync now"); drain() awaits what is in hand (graceful stop, tests).
//
// Failure: a shop with no offline session (uninstalled) has its queued work dropped with one log
// line, since no retry can succeed. Any other failed pass is retried after an exponential, capped
// delay (retryDelayMs, written as the tasks' runAfter) and given up after maxFailures, the reason
// written on the OrderSync row of a bulk import it was finishing. A pass must never be retried at once: that loop once starved the
// event loop (issue 12).
import type { PrismaClient } from "@prisma/client";
import { AdminClient, type AdminGraphql } from "../admin-api/graphql.server";
import {
  finishOrderImport,
  pollOrderImport,
  runningBulkSync,
  startOrderImport,
  type ReforecastHook,
} from "./import/bulk-import.server";
import { refreshOrder } from "./sync-order.server";
import { reconcileOrders } from "./sync-reconcile.server";
import { syncOrderTags } from "./tags.server";
import { moveLateDeadlines } from "../fulfillment/fulfillment-jobs.server";
import { redactSecrets } from "../log-redaction";
import { keepDelayInStepWithForecast } from "../storefront/storefront-mode.server";
import { hasOfflineSession } from "../shop-data/known-shop.server";
import { reforecastShop } from "./reforecast.server";
import { retryDelay } from "../retry-delay";
import { yieldToEventLoop } from "../yield-to-event-loop";
import {
  DEFAULT_LEASE_MS,
  heartbeatMs,
  leaseFree,
  leasedTo,
  newLeaseOwner,
  released,
} from "../leases/lease";

export interface OrderSyncDeps {
  db: PrismaClient;
  adminFor: (shop: string) => Promise<AdminGraphql>;
  reforecast: ReforecastHook;
  tagOrdersEnabled: (db: PrismaClient, shop: string) => Promise<boolean>;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  pollIntervalMs: number;
  warn: (message: string) => void;
  /** Whether the shop can still be called (an offline session is stored). */
  hasSession: (db: PrismaClient, shop: string) => Promise<boolean>;
  /** Wait before retrying a shop's pass after its `failures`-th failure in a row. */
  retryDelayMs: (failures: number) => number;
  /** Failed passes in a row after which the shop's queued work is given up. */
  maxFailures: number;
  /** How often the periodic reconcile runs; 0 turns it off. */
  reconcileIntervalMs: number;
  /** This process in leaseOwner. */
  owner: string;
  /** How long claimed tasks stay this process's without a heartbeat. */
  leaseMs: number;
  /** How often a started queue looks for tasks nobody holds (another process's, retries). */
  claimIntervalMs: number;
  /**
   * The pause before a shop's next pass when work was queued during the last one: a burst of
   * webhooks is then a pass every so often over everything queued meanwhile, not a pass (and a
   * re-forecast of the shop) per delivery taking the CPU its requests and health probes need.
   */
  passGapMs: number;
  /** With several app processes: whether this process queues this reconcile round. */
  claimReconcileRound: () => Promise<boolean>;
}

export const RECONCILE_INTERVAL_MS = 15 * 60_000;

/** The production dependencies around a database and an Admin client factory. */
export function orderSyncDeps(
  required: Pick<OrderSyncDeps, "db" | "adminFor">,
  overrides: Partial<OrderSyncDeps> = {},
): OrderSyncDeps {
  return {
    reforecast: reforecastShop,
    tagOrdersEnabled: async (db, shop) =>
      (await db.shopSettings.findUnique({ where: { shop }, select: { tagOrders: true } }))
        ?.tagOrders ?? false,
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
    pollIntervalMs: 2_000,
    // console.warn, not console.error: a failed background pass is retried by the next reconcile.
    // Redacted: the message carries Admin API error text, which may quote a customer's email.
    warn: (message) => console.warn(redactSecrets(`order sync: ${message}`)),
    hasSession: hasOfflineSession,
    // 1 s, 2 s, 4 s … capped at 5 minutes; 8 tries span about 4 minutes, then the reconcile repairs.
    retryDelayMs: (failures) => retryDelay(failures, { baseMs: 1_000, capMs: 300_000 }),
    maxFailures: 8,
    reconcileIntervalMs: RECONCILE_INTERVAL_MS,
    owner: newLeaseOwner(),
    leaseMs: DEFAULT_LEASE_MS,
    claimIntervalMs: 5_000,
    passGapMs: 500,
    claimReconcileRound: async () => true,
    ...required,
    ...overrides,
  };
}

export type SyncState = "imported" | "importing" | "started" | "failed";

export interface OrderSync {
  queueOrderRefresh(shop: string, orderId: string): Promise<void>;
  queueBulkFinish(shop: string, bulkOperationId: string): Promise<void>;
  queueReconcile(shop: string): Promise<void>;
  /** Runs the shop's queued tasks now (after a webhook queued them in its own transaction). */
  poke(shop: string): void;
  /** Re-applies the tag setting now (the settings page calls this after tagOrders changes). */
  queueTagSync(shop: string): Promise<void>;
  /**
   * Called on every admin page load (app.tsx): starts the first import when the shop has never
   * had one, and makes sure a running one is being polled. Never throws; a page must still load.
   */
  ensureOrderSync(admin: AdminGraphql, shop: string): Promise<SyncState>;
  /** "Sync now": the first import if the shop has none finished, else a reconcile pass. */
  syncNow(
    admin: AdminGraphql,
    shop: string,
  ): Promise<"import-started" | "import-running" | "reconcile-queued">;
  /** Starts the periodic reconcile and the claiming of tasks nobody holds. Idempotent. */
  start(): void;
  /** Stops both and starts no new pass in this process; tasks stay queued for the others. */
  stop(): void;
  /** Resolves when the passes running in this process have ended (graceful stop). */
  settle(): Promise<void>;
  /** Resolves when no shop has queued or running sync work (graceful stop, tests). */
  drain(): Promise<void>;
}

interface ShopWork {
  running: Promise<void> | null;
  /** A retry is scheduled in this process: nothing starts the shop before it. */
  waiting: boolean;
  /** Queued while a pass ran: run another when it ends. */
  again: boolean;
}

type TaskKind = "refresh" | "bulk_finish" | "reconcile";

interface ClaimedTask {
  kind: string;
  target: string;
  queuedAt: Date;
  failures: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type TaskWriter = Pick<PrismaClient, "syncTask">;

/** Queues one piece of sync work durably; queued again, it is not doubled but its queuedAt moves. */
export async function enqueueSyncTask(
  db: TaskWriter,
  shop: string,
  kind: TaskKind,
  target = "",
): Promise<void> {
  const queuedAt = new Date();
  await db.syncTask.upsert({
    where: { shop_kind_target: { shop, kind, target } },
    create: { shop, kind, target, queuedAt, runAfter: queuedAt },
    update: { queuedAt },
  });
}

export function createOrderSync(deps: OrderSyncDeps): OrderSync {
  const { db } = deps;
  const owner = deps.owner;
  const shops = new Map<string, ShopWork>();
  const background = new Set<Promise<unknown>>();
  const polling = new Set<string>();
  let scheduler: NodeJS.Timeout | null = null;
  let claimer: NodeJS.Timeout | null = null;
  let stopped = false;

  function workOf(shop: string): ShopWork {
    let work = shops.get(shop);
    if (!work) {
      work = { running: null, waiting: false, again: false };
      shops.set(shop, work);
    }
    return work;
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    background.add(promise);
    void promise.finally(() => background.delete(promise)).catch(() => undefined);
    return promise;
  }

  /** Runs a pass for the shop in this process unless one is running or waiting to retry. */
  function kick(shop: string, retry = false): void {
    // A stopping process leaves its queued tasks (and its retries' runAfter) to the others.
    if (stopped) return;
    const work = workOf(shop);
    if (work.running || (work.waiting && !retry)) {
      work.again = true;
      return;
    }
    work.again = false;
    work.running = track(
      claimAndRun(shop, retry)
        .catch((error: unknown) => deps.warn(`${shop}: ${messageOf(error)}`))
        .then(async (more) => {
          // Still running meanwhile: what arrives now joins the next pass.
          if ((more || work.again) && deps.passGapMs > 0)
            await new Promise((resolve) => setTimeout(resolve, deps.passGapMs));
          work.running = null;
          if (more || work.again) kick(shop);
        }),
    );
  }

  /** Takes the shop's due, unleased tasks; runs them in one pass. Returns whether to run again. */
  async function claimAndRun(shop: string, retry: boolean): Promise<boolean> {
    // Pass after pass (a burst of webhooks) lets requests and probes in between.
    await yieldToEventLoop();
    const now = new Date();
    const { count } = await db.syncTask.updateMany({
      where: {
        shop,
        // The process that scheduled a retry runs it when its own wait ends.
        ...(retry ? {} : { runAfter: { lte: now } }),
        ...leaseFree(now),
      },
      data: leasedTo(owner, now, deps.leaseMs),
    });
    if (count === 0) return false;
    const tasks: ClaimedTask[] = await db.syncTask.findMany({
      where: { shop, leaseOwner: owner },
      select: { kind: true, target: true, queuedAt: true, failures: true },
    });
    const heartbeat = setInterval(
      () =>
        void db.syncTask
          .updateMany({
            where: { shop, leaseOwner: owner },
            data: leasedTo(owner, new Date(), deps.leaseMs),
          })
          .catch((error: unknown) => deps.warn(`${shop}: renewing leases: ${messageOf(error)}`)),
      heartbeatMs(deps.leaseMs),
    );
    heartbeat.unref();
    try {
      await runShop(shop, tasks);
    } catch (error) {
      await passFailed(shop, tasks, error);
      return false;
    } finally {
      clearInterval(heartbeat);
    }
    return finish(shop, tasks);
  }

  /** Deletes what the pass did; a task queued again meanwhile is handed back for the next pass. */
  async function finish(shop: string, tasks: ClaimedTask[]): Promise<boolean> {
    let requeued = false;
    for (const task of tasks) {
      await yieldToEventLoop();
      const key = { shop, kind: task.kind, target: task.target, leaseOwner: owner };
      const { count } = await db.syncTask.deleteMany({
        where: { ...key, queuedAt: task.queuedAt },
      });
      if (count === 0) {
        await db.syncTask.updateMany({ where: key, data: released });
        requeued = true;
      }
    }
    return requeued;
  }

  async function passFailed(shop: string, tasks: ClaimedTask[], error: unknown): Promise<void> {
    const failures = Math.max(0, ...tasks.map((t) => t.failures)) + 1;
    if (failures >= deps.maxFailures) {
      await giveUp(shop, tasks, `gave up after ${failures} failed tries: ${messageOf(error)}`);
      return;
    }
    const delay = deps.retryDelayMs(failures);
    deps.warn(
      `${shop}: sync pass failed (try ${failures} of ${deps.maxFailures}), retrying in ${delay} ms: ${messageOf(error)}`,
    );
    // Handed back with a time to wait, so another process retries it if this one dies meanwhile.
    await db.syncTask.updateMany({
      where: { shop, leaseOwner: owner },
      data: {
        failures,
        lastError: messageOf(error).slice(0, 1_000),
        runAfter: new Date(Date.now() + delay),
        ...released,
      },
    });
    const work = workOf(shop);
    work.waiting = true;
    void track(
      deps.sleep(delay).finally(() => {
        work.waiting = false;
        kick(shop, true);
      }),
    );
  }

  /** Drops the shop's claimed work, recording why on the bulk imports it was finishing; one log line. */
  async function giveUp(shop: string, tasks: ClaimedTask[], reason: string): Promise<void> {
    const refreshes = tasks.filter((t) => t.kind === "refresh").length;
    const bulkOperationIds = tasks.filter((t) => t.kind === "bulk_finish").map((t) => t.target);
    await db.syncTask.deleteMany({ where: { shop, leaseOwner: owner } });
    if (bulkOperationIds.length > 0) {
      await db.orderSync.updateMany({
        where: {
          shop,
          bulkOperationId: { in: bulkOperationIds },
          status: { in: ["running", "importing"] },
        },
        data: { status: "failed", error: reason, finishedAt: deps.now() },
      });
    }
    deps.warn(
      `${shop}: ${reason}; dropped ${refreshes} order refresh(es) and ${bulkOperationIds.length} bulk import(s)`,
    );
  }

  function queue(shop: string, kind: TaskKind, target = ""): Promise<void> {
    return track(
      (async () => {
        await enqueueSyncTask(db, shop, kind, target);
        kick(shop);
      })(),
    );
  }

  async function runShop(shop: string, tasks: ClaimedTask[]): Promise<void> {
    if (!(await deps.hasSession(db, shop))) {
      // Uninstalled (or never installed): no call can succeed, so nothing is retried.
      await giveUp(shop, tasks, "no offline session (app uninstalled)");
      // Given up is done: nothing left to delete.
      tasks.length = 0;
      return;
    }
    const rawAdmin = await deps.adminFor(shop);
    const admin = new AdminClient(rawAdmin, { sleep: deps.sleep });
    let changed = false;
    let timeZone: string | undefined;
    for (const task of tasks.filter((t) => t.kind === "bulk_finish")) {
      // The import re-forecasts by itself; only the tags are left to do here.
      const outcome = await finishOrderImport(db, rawAdmin, shop, task.target, {
        reforecast: deps.reforecast,
        now: deps.now,
      });
      if (outcome === "imported") await syncTags(admin, shop);
    }
    for (const task of tasks.filter((t) => t.kind === "refresh")) {
      await yieldToEventLoop();
      try {
        timeZone = (await refreshOrder(db, admin, shop, task.target, deps.now())).timeZone;
        changed = true;
      } catch (error) {
        deps.warn(`${shop}: re-reading ${task.target} failed: ${messageOf(error)}`);
      }
    }
    if (tasks.some((t) => t.kind === "reconcile")) {
      const result = await reconcileOrders(db, admin, shop, deps.now());
      // Re-forecast on every periodic pass even when no order changed: time moves orders from
      // on track to at risk to overdue (a promise passes at the shop's midnight).
      changed = true;
      timeZone = result.timeZone ?? timeZone;
    }
    if (!changed) return;
    await deps.reforecast(db, shop, deps.now(), timeZone ? { fallbackTimeZone: timeZone } : {});
    await syncTags(admin, shop);
    try {
      // Late orders whose conservative date changed get it as their deadline in Shopify (a job).
      await moveLateDeadlines(db, shop);
    } catch (error) {
      deps.warn(`${shop}: fulfillment deadlines: ${messageOf(error)}`);
    }
    try {
      await keepDelayInStepWithForecast({ admin: rawAdmin, db, shop, now: deps.now() });
    } catch (error) {
      deps.warn(`${shop}: storefront estimate: ${messageOf(error)}`);
    }
  }

  async function syncTags(admin: AdminClient, shop: string): Promise<void> {
    const enabled = await deps.tagOrdersEnabled(db, shop);
    const hasOurTags =
      enabled ||
      (await db.trackedOrder.count({ where: { shop, tags: { contains: "delay-desk:" } } })) > 0;
    if (!hasOurTags) return;
    const result = await syncOrderTags(db, admin, shop, enabled);
    if (result.errors.length > 0)
      deps.warn(`${shop}: tags: ${result.errors.slice(0, 3).join(" | ")}`);
  }

  function queueTagSync(shop: string): Promise<void> {
    return track(
      (async () => {
        await syncTags(new AdminClient(await deps.adminFor(shop), { sleep: deps.sleep }), shop);
      })().catch((error: unknown) => deps.warn(`${shop}: tags: ${messageOf(error)}`)),
    );
  }

  function pollInBackground(shop: string, bulkOperationId: string): void {
    if (polling.has(bulkOperationId)) return;
    polling.add(bulkOperationId);
    void track(
      (async () => {
        await pollOrderImport(db, await deps.adminFor(shop), shop, bulkOperationId, {
          sleep: deps.sleep,
          intervalMs: deps.pollIntervalMs,
          // Until the import ends: nothing else would look at it before the next page load.
          timeoutMs: Number.POSITIVE_INFINITY,
          // The finish goes through the durable queue (a SyncTask), so whichever process holds
          // the shop's lease does it; this poller waits for that pass before looking again.
          finish: async () => {
            await queue(shop, "bulk_finish", bulkOperationId);
            await workOf(shop).running;
          },
        });
      })()
        .catch((error: unknown) =>
          deps.warn(`${shop}: polling ${bulkOperationId}: ${messageOf(error)}`),
        )
        .finally(() => polling.delete(bulkOperationId)),
    );
  }

  async function ensureOrderSync(admin: AdminGraphql, shop: string): Promise<SyncState> {
    try {
      const done = await db.orderSync.findFirst({
        where: { shop, kind: "bulk", status: "completed" },
        select: { id: true },
      });
      if (done) return "imported";
      const running = await runningBulkSync(db, shop);
      if (running?.bulkOperationId) {
        pollInBackground(shop, running.bulkOperationId);
        return "importing";
      }
      const failedBefore = await db.orderSync.findFirst({
        where: { shop, kind: "bulk" },
        select: { id: true },
      });
      // After a failed import, only "sync now" starts another: a page load must not loop on errors.
      if (failedBefore) return "failed";
      const started = await startOrderImport(db, admin, shop);
      if (started.bulkOperationId) pollInBackground(shop, started.bulkOperationId);
      return "started";
    } catch (error) {
      deps.warn(`${shop}: could not start the import: ${messageOf(error)}`);
      return "failed";
    }
  }

  async function syncNow(
    admin: AdminGraphql,
    shop: string,
  ): Promise<"import-started" | "import-running" | "reconcile-queued"> {
    const done = await db.orderSync.findFirst({
      where: { shop, kind: "bulk", status: "completed" },
      select: { id: true },
    });
    if (done) {
      await queue(shop, "reconcile");
      return "reconcile-queued";
    }
    const running = await runningBulkSync(db, shop);
    if (running?.bulkOperationId) {
      pollInBackground(shop, running.bulkOperationId);
      return "import-running";
    }
    const started = await startOrderImport(db, admin, shop);
    if (started.bulkOperationId) pollInBackground(shop, started.bulkOperationId);
    return "import-started";
  }

  /** Queues a reconcile for each shop whose first import finished and that can still be called. */
  async function reconcileAll(): Promise<void> {
    if (!(await deps.claimReconcileRound())) return;
    const imported = await db.orderSync.findMany({
      where: { kind: "bulk", status: "completed" },
      distinct: ["shop"],
      select: { shop: true },
    });
    // An uninstalled shop keeps its imports until shop/redact; it has no session to sync with.
    const callable = await db.session.findMany({
      where: { isOnline: false, shop: { in: imported.map((i) => i.shop) } },
      distinct: ["shop"],
      select: { shop: true },
    });
    for (const { shop } of callable) await queue(shop, "reconcile");
  }

  /** Kicks every shop with due tasks nobody holds: a dead process's, or a retry whose process died. */
  async function claimOrphans(): Promise<void> {
    const now = new Date();
    const due = await db.syncTask.findMany({
      where: { runAfter: { lte: now }, ...leaseFree(now) },
      distinct: ["shop"],
      select: { shop: true },
    });
    for (const { shop } of due) kick(shop);
  }

  return {
    queueOrderRefresh: (shop, orderId) => queue(shop, "refresh", orderId),
    queueBulkFinish: (shop, bulkOperationId) => queue(shop, "bulk_finish", bulkOperationId),
    queueReconcile: (shop) => queue(shop, "reconcile"),
    poke: (shop) => kick(shop),
    queueTagSync,
    ensureOrderSync,
    syncNow,
    start() {
      stopped = false;
      if (!claimer && deps.claimIntervalMs > 0) {
        claimer = setInterval(
          () =>
            void claimOrphans().catch((error: unknown) =>
              deps.warn(`claiming tasks: ${messageOf(error)}`),
            ),
          deps.claimIntervalMs,
        );
        claimer.unref();
      }
      if (scheduler || deps.reconcileIntervalMs <= 0) return;
      scheduler = setInterval(() => {
        void track(
          reconcileAll().catch((error: unknown) => deps.warn(`scheduler: ${messageOf(error)}`)),
        );
      }, deps.reconcileIntervalMs);
      // The scheduler must never keep a process (a test run, a stopping server) alive.
      scheduler.unref();
    },
    stop() {
      stopped = true;
      if (scheduler) clearInterval(scheduler);
      if (claimer) clearInterval(claimer);
      scheduler = null;
      claimer = null;
    },
    async settle() {
      await Promise.allSettled([...shops.values()].map((work) => work.running));
    },
    async drain() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}
