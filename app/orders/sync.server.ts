// Keeps each shop's TrackedOrders current, one shop's work at a time (webhooks arrive in bursts:
// a fulfilment sends orders/fulfilled and orders/updated; they are coalesced and the shop is
// re-forecast once). Work runs after the webhook has been answered, so Shopify never waits on a
// re-forecast; if the process dies mid-way, the periodic reconcile repairs what was lost.
//
// Entry points: ensureOrderSync (first page load: start the bulk import if the shop has none),
// queueOrderRefresh / queueBulkFinish (webhooks), queueReconcile (scheduler, "sync now").
//
// Failure: a shop with no offline session (uninstalled) has its queued work dropped with one log
// line, since no retry can succeed. Any other failed pass is retried after an exponential, capped
// delay (retryDelayMs) and given up after maxFailures, the reason written on the OrderSync row of a
// bulk import it was finishing. A pass must never be retried at once: that loop once starved the
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
import { retryDelay } from "../retry-delay";

export interface OrderSyncDeps {
  db: () => Promise<PrismaClient>;
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
}

const defaults: OrderSyncDeps = {
  db: async () => (await import("../db.server")).default,
  adminFor: async (shop) => (await import("../shopify.server")).backgroundAdmin(shop),
  reforecast: async (...args) => (await import("./reforecast.server")).reforecastShop(...args),
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
};

let deps: OrderSyncDeps = defaults;

/** Tests and the bench replace dependencies (a fixed clock, no sleeping). */
export function configureOrderSync(overrides: Partial<OrderSyncDeps>): void {
  deps = { ...deps, ...overrides };
}

interface ShopWork {
  orderIds: Set<string>;
  bulkFinishes: Set<string>;
  reconcile: boolean;
  running: Promise<void> | null;
  /** Failed passes in a row; reset by a pass that succeeds. */
  failures: number;
  /** A retry is scheduled: nothing starts the shop before it. */
  waiting: boolean;
}

const shops = new Map<string, ShopWork>();
const background = new Set<Promise<unknown>>();

function workOf(shop: string): ShopWork {
  let work = shops.get(shop);
  if (!work) {
    work = {
      orderIds: new Set(),
      bulkFinishes: new Set(),
      reconcile: false,
      running: null,
      failures: 0,
      waiting: false,
    };
    shops.set(shop, work);
  }
  return work;
}

function hasWork(work: ShopWork): boolean {
  return work.orderIds.size > 0 || work.bulkFinishes.size > 0 || work.reconcile;
}

function track<T>(promise: Promise<T>): Promise<T> {
  background.add(promise);
  void promise.finally(() => background.delete(promise)).catch(() => undefined);
  return promise;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function kick(shop: string): void {
  const work = workOf(shop);
  if (work.running || work.waiting) return;
  work.running = track(
    runShop(shop, work)
      .then(
        () => {
          work.failures = 0;
        },
        (error: unknown) => passFailed(shop, work, error),
      )
      .catch((error: unknown) => deps.warn(`${shop}: ${messageOf(error)}`))
      .finally(() => {
        work.running = null;
        if (hasWork(work)) kick(shop);
      }),
  );
}

async function passFailed(shop: string, work: ShopWork, error: unknown): Promise<void> {
  work.failures += 1;
  if (work.failures >= deps.maxFailures) {
    const tries = work.failures;
    work.failures = 0;
    await giveUp(shop, work, `gave up after ${tries} failed tries: ${messageOf(error)}`);
    return;
  }
  const delay = deps.retryDelayMs(work.failures);
  deps.warn(
    `${shop}: sync pass failed (try ${work.failures} of ${deps.maxFailures}), retrying in ${delay} ms: ${messageOf(error)}`,
  );
  work.waiting = true;
  void track(
    deps.sleep(delay).finally(() => {
      work.waiting = false;
      if (hasWork(work)) kick(shop);
    }),
  );
}

/** Drops the shop's queued work, recording why on the bulk imports it was finishing; one log line. */
async function giveUp(shop: string, work: ShopWork, reason: string): Promise<void> {
  const refreshes = work.orderIds.size;
  const bulkOperationIds = [...work.bulkFinishes];
  work.orderIds.clear();
  work.bulkFinishes.clear();
  work.reconcile = false;
  if (bulkOperationIds.length > 0) {
    const db = await deps.db();
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

export function queueOrderRefresh(shop: string, orderId: string): void {
  workOf(shop).orderIds.add(orderId);
  kick(shop);
}

export function queueBulkFinish(shop: string, bulkOperationId: string): void {
  workOf(shop).bulkFinishes.add(bulkOperationId);
  kick(shop);
}

export function queueReconcile(shop: string): void {
  workOf(shop).reconcile = true;
  kick(shop);
}

/** Resolves when no shop has queued or running sync work (tests, graceful stop). */
export async function orderSyncIdle(): Promise<void> {
  while (background.size > 0) await Promise.allSettled([...background]);
}

async function runShop(shop: string, work: ShopWork): Promise<void> {
  const db = await deps.db();
  if (!(await deps.hasSession(db, shop))) {
    // Uninstalled (or never installed): no call can succeed, so nothing is retried.
    await giveUp(shop, work, "no offline session (app uninstalled)");
    return;
  }
  const rawAdmin = await deps.adminFor(shop);
  const admin = new AdminClient(rawAdmin, { sleep: deps.sleep });
  let changed = false;
  let timeZone: string | undefined;
  while (hasWork(work)) {
    for (const id of [...work.bulkFinishes]) {
      work.bulkFinishes.delete(id);
      // The import re-forecasts by itself; only the tags are left to do here.
      const outcome = await finishOrderImport(db, rawAdmin, shop, id, {
        reforecast: deps.reforecast,
        now: deps.now,
      });
      if (outcome === "imported") await syncTags(db, admin, shop);
    }
    const orderIds = [...work.orderIds];
    work.orderIds.clear();
    for (const id of orderIds) {
      try {
        timeZone = (await refreshOrder(db, admin, shop, id, deps.now())).timeZone;
        changed = true;
      } catch (error) {
        deps.warn(
          `${shop}: re-reading ${id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (work.reconcile) {
      work.reconcile = false;
      const result = await reconcileOrders(db, admin, shop, deps.now());
      // Re-forecast on every periodic pass even when no order changed: time moves orders from
      // on track to at risk to overdue (a promise passes at the shop's midnight).
      changed = true;
      timeZone = result.timeZone ?? timeZone;
    }
  }
  if (!changed) return;
  await deps.reforecast(db, shop, deps.now(), timeZone ? { fallbackTimeZone: timeZone } : {});
  await syncTags(db, admin, shop);
  try {
    // Late orders whose conservative date changed get it as their deadline in Shopify (a job).
    await moveLateDeadlines(db, shop);
  } catch (error) {
    deps.warn(
      `${shop}: fulfillment deadlines: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    await keepDelayInStepWithForecast({ admin: rawAdmin, db, shop, now: deps.now() });
  } catch (error) {
    deps.warn(
      `${shop}: storefront estimate: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function syncTags(db: PrismaClient, admin: AdminClient, shop: string): Promise<void> {
  const enabled = await deps.tagOrdersEnabled(db, shop);
  const hasOurTags =
    enabled ||
    (await db.trackedOrder.count({ where: { shop, tags: { contains: "delay-desk:" } } })) > 0;
  if (!hasOurTags) return;
  const result = await syncOrderTags(db, admin, shop, enabled);
  if (result.errors.length > 0)
    deps.warn(`${shop}: tags: ${result.errors.slice(0, 3).join(" | ")}`);
}

/** Re-applies the tag setting now (the settings page calls this after tagOrders changes). */
export function queueTagSync(shop: string): Promise<void> {
  return track(
    (async () => {
      const db = await deps.db();
      await syncTags(db, new AdminClient(await deps.adminFor(shop), { sleep: deps.sleep }), shop);
    })().catch((error: unknown) =>
      deps.warn(`${shop}: tags: ${error instanceof Error ? error.message : String(error)}`),
    ),
  );
}

const polling = new Set<string>();

function pollInBackground(shop: string, bulkOperationId: string): void {
  if (polling.has(bulkOperationId)) return;
  polling.add(bulkOperationId);
  void track(
    (async () => {
      const db = await deps.db();
      await pollOrderImport(db, await deps.adminFor(shop), shop, bulkOperationId, {
        sleep: deps.sleep,
        intervalMs: deps.pollIntervalMs,
        // Until the import ends: nothing else would look at it before the next page load.
        timeoutMs: Number.POSITIVE_INFINITY,
        finish: async () => {
          queueBulkFinish(shop, bulkOperationId);
          await workOf(shop).running;
        },
      });
    })()
      .catch((error: unknown) =>
        deps.warn(
          `${shop}: polling ${bulkOperationId}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => polling.delete(bulkOperationId)),
  );
}

export type SyncState = "imported" | "importing" | "started" | "failed";

/**
 * Called on every admin page load (app.tsx): starts the first import when the shop has never
 * had one, and makes sure a running one is being polled. Never throws; a page must still load.
 */
export async function ensureOrderSync(admin: AdminGraphql, shop: string): Promise<SyncState> {
  try {
    const db = await deps.db();
    ensureReconcileScheduler();
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
    deps.warn(
      `${shop}: could not start the import: ${error instanceof Error ? error.message : String(error)}`,
    );
    return "failed";
  }
}

/** "Sync now": the first import if the shop has none finished, else a reconcile pass. */
export async function syncNow(
  admin: AdminGraphql,
  shop: string,
): Promise<"import-started" | "import-running" | "reconcile-queued"> {
  const db = await deps.db();
  const done = await db.orderSync.findFirst({
    where: { shop, kind: "bulk", status: "completed" },
    select: { id: true },
  });
  if (done) {
    queueReconcile(shop);
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

// ---- the periodic reconcile -----------------------------------------------------------------

export const RECONCILE_INTERVAL_MS = 15 * 60_000;
let scheduler: NodeJS.Timeout | null = null;

/** Every interval, queue a reconcile for each shop whose first import finished. Idempotent. */
export function startReconcileScheduler(intervalMs = RECONCILE_INTERVAL_MS): () => void {
  if (!scheduler && intervalMs > 0) {
    scheduler = setInterval(() => {
      void track(
        (async () => {
          const db = await deps.db();
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
          for (const { shop } of callable) queueReconcile(shop);
        })().catch((error: unknown) =>
          deps.warn(`scheduler: ${error instanceof Error ? error.message : String(error)}`),
        ),
      );
    }, intervalMs);
    // The scheduler must never keep a process (a test run, a stopping server) alive.
    scheduler.unref();
  }
  return stopReconcileScheduler;
}

export function stopReconcileScheduler(): void {
  if (scheduler) clearInterval(scheduler);
  scheduler = null;
}

export function ensureReconcileScheduler(): void {
  const raw = process.env.ORDER_RECONCILE_INTERVAL_MS;
  const interval = raw === undefined ? RECONCILE_INTERVAL_MS : Number(raw);
  if (Number.isFinite(interval)) startReconcileScheduler(interval);
}
