// Everything the app does when nobody is clicking: the bulk-job runner (remedies, notices), the
// periodic order reconcile + re-forecast, the end of timed pauses, and pruning what is kept only for a while
// (app/data-lifecycle/retention.server.ts). Started once by the HTTP
// server through the server build (app/entry.server.tsx re-exports it), so it shares the request
// handlers' modules: one Prisma client, one Shopify configuration. Each piece is also started
// lazily by the pages that need it, which is harmless: they are idempotent per process.
import { startRetentionSweep } from "./data-lifecycle/retention.server";
import prisma from "./db.server";
import { startJobRunner } from "./jobs/runner-process.server";
import { redactSecrets } from "./log-redaction";
import { ensureReconcileScheduler, stopReconcileScheduler } from "./orders/sync.server";
import { backgroundAdmin } from "./shopify.server";
import { ensurePauseScheduler, stopPauseScheduler } from "./storefront/pause-scheduler.server";

export const PAUSE_SWEEP_MS = 60_000;

/** The storefront's timed-pause sweep, as every caller starts it. */
export function startPauseSweep(): void {
  ensurePauseScheduler({
    db: prisma,
    adminFor: async (shop) => backgroundAdmin(shop),
    intervalMs: PAUSE_SWEEP_MS,
    onError: (shop, error, retryAt) =>
      console.error(
        `Ending the timed pause of ${shop} failed; ${retryAt ? `retrying at ${retryAt.toISOString()}` : "gave up (reason on its StorefrontState row)"}.`,
        redactSecrets(error instanceof Error ? error.message : String(error)),
      ),
  });
}

export interface BackgroundWork {
  stop(): Promise<void>;
}

export function startBackgroundWork(options: { jobs?: boolean } = {}): BackgroundWork {
  const jobs = options.jobs === false ? null : startJobRunner();
  ensureReconcileScheduler();
  startPauseSweep();
  const stopRetention = startRetentionSweep({
    db: prisma,
    onError: (error) =>
      console.error(
        "Pruning old webhook receipts failed; retrying in an hour.",
        redactSecrets(error instanceof Error ? error.message : String(error)),
      ),
  });
  return {
    stop: async () => {
      stopRetention();
      stopPauseScheduler();
      stopReconcileScheduler();
      await jobs?.stop();
    },
  };
}
