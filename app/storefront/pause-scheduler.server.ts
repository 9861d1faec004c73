// Ends timed pauses. The storefront page's loader only reads (loaders never write): it shows a due
// pause as ended while this in-process scheduler (started by the composition root,
// app/services.server.ts) sweeps all shops every minute through endDuePause, which is idempotent,
// so the storefront reopens on time even with the app closed. A minute's lag is covered at
// checkout by the Function itself, which stops refusing once the shop's local time passes the end
// (see extensions/checkout-pause).
//
// A shop whose pause cannot be ended (uninstalled, Shopify refusing) is retried after an
// exponential, capped delay, and after maxFailures tries the scheduler stops with the reason on its
// StorefrontState row (pauseEndError); the state is per pause, so a new pause starts afresh.
import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { periodicSweep, type PeriodicSweep } from "../periodic-sweep";
import { retryDelay } from "../retry-delay";
import { endDuePause, shopsWithDuePause } from "./storefront-mode.server";

type Db = Parameters<typeof shopsWithDuePause>[0] & Pick<PrismaClient, "storefrontState">;

export interface PauseSchedulerOptions {
  db: Db;
  /** An Admin client on the shop's offline session (backgroundAdmin in the app). */
  adminFor: (shop: string) => Promise<AdminGraphql>;
  clock?: () => Date;
  intervalMs?: number;
  /** Called on each failure; `retryAt` is null when the scheduler gave up on this pause. */
  onError?: (shop: string, error: unknown, retryAt: Date | null) => void;
  /** Wait after the `failures`-th failure in a row (default 1 minute doubling to 1 hour). */
  retryDelayMs?: (failures: number) => number;
  /** Tries before giving up on one pause (default 10: about 8 hours of retries). */
  maxFailures?: number;
  /**
   * With several app processes: takes the shop's "pause-end" lease (false: another process is
   * ending this pause) and gives it back. Without it, every sweep ends every due pause itself.
   */
  lease?: { claim: (shop: string) => Promise<boolean>; release: (shop: string) => Promise<void> };
}

export interface PauseEndState {
  pausedUntil: Date | null;
  pauseEndFailedFor: Date | null;
  pauseEndFailures: number;
  pauseEndRetryAt: Date | null;
  pauseEndError: string | null;
}

/** Failures recorded for an earlier pause do not count against this one. */
function failuresOf(row: PauseEndState): {
  failures: number;
  retryAt: Date | null;
  gaveUp: boolean;
} {
  if (!row.pausedUntil || row.pauseEndFailedFor?.getTime() !== row.pausedUntil.getTime())
    return { failures: 0, retryAt: null, gaveUp: false };
  return {
    failures: row.pauseEndFailures,
    retryAt: row.pauseEndRetryAt,
    gaveUp: row.pauseEndError !== null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Its tick() returns the shops whose pause it ended. */
export type PauseScheduler = PeriodicSweep<string[]>;

export function createPauseScheduler(options: PauseSchedulerOptions): PauseScheduler {
  const clock = options.clock ?? (() => new Date());
  const sweep = async (): Promise<string[]> => {
    const now = clock();
    const ended: string[] = [];
    const maxFailures = options.maxFailures ?? 10;
    const delayOf =
      options.retryDelayMs ??
      ((failures: number) => retryDelay(failures, { baseMs: 60_000, capMs: 3_600_000 }));
    for (const shop of await shopsWithDuePause(options.db, now)) {
      const row = await options.db.storefrontState.findUnique({ where: { shop } });
      if (!row) continue;
      const before = failuresOf(row);
      if (before.gaveUp || (before.retryAt && before.retryAt > now)) continue;
      if (options.lease && !(await options.lease.claim(shop))) continue;
      try {
        if (await endDuePause({ admin: await options.adminFor(shop), db: options.db, shop, now }))
          ended.push(shop);
      } catch (error) {
        // One shop's failure (uninstalled, throttled) must not stop the others.
        const failures = before.failures + 1;
        const gaveUp = failures >= maxFailures;
        const retryAt = gaveUp ? null : new Date(now.getTime() + delayOf(failures));
        await options.db.storefrontState.updateMany({
          where: { shop, pausedUntil: row.pausedUntil },
          data: {
            pauseEndFailedFor: row.pausedUntil,
            pauseEndFailures: failures,
            pauseEndRetryAt: retryAt,
            pauseEndError: gaveUp
              ? `Gave up ending the pause after ${failures} failed tries: ${messageOf(error)}`
              : null,
          },
        });
        options.onError?.(shop, error, retryAt);
      } finally {
        await options.lease?.release(shop);
      }
    }
    return ended;
  };
  // Ticks never overlap: a slow sweep is joined, not doubled.
  return periodicSweep(sweep, options.intervalMs);
}
