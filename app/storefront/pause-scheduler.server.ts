// Ends timed pauses when nobody is looking. Two paths lift a due pause, and both call
// endDuePause, which is idempotent: (1) every request to the storefront page checks its own
// shop first, so the page never shows a pause that has already ended; (2) this in-process
// scheduler sweeps all shops every minute, so the storefront reopens on time even with the app
// closed. A minute's lag is covered at checkout by the Function itself, which stops refusing
// once the shop's local time passes the end (see extensions/checkout-pause).
import type { PrismaClient } from "@prisma/client";
import type { AdminGraphql } from "../admin-api/graphql.server";
import { endDuePause, shopsWithDuePause } from "./storefront-mode.server";

type Db = Parameters<typeof shopsWithDuePause>[0] & Pick<PrismaClient, "storefrontState">;

export interface PauseSchedulerOptions {
  db: Db;
  /** An Admin client on the shop's offline session (backgroundAdmin in the app). */
  adminFor: (shop: string) => Promise<AdminGraphql>;
  clock?: () => Date;
  intervalMs?: number;
  onError?: (shop: string, error: unknown) => void;
}

export interface PauseScheduler {
  /** One sweep; returns the shops whose pause it ended. */
  tick(): Promise<string[]>;
  stop(): void;
}

export function createPauseScheduler(options: PauseSchedulerOptions): PauseScheduler {
  const clock = options.clock ?? (() => new Date());
  let running: Promise<string[]> | null = null;
  const sweep = async (): Promise<string[]> => {
    const now = clock();
    const ended: string[] = [];
    for (const shop of await shopsWithDuePause(options.db, now)) {
      try {
        if (await endDuePause({ admin: await options.adminFor(shop), db: options.db, shop, now })) ended.push(shop);
      } catch (error) {
        // One shop's failure (uninstalled, throttled) must not stop the others; it is retried next tick.
        options.onError?.(shop, error);
      }
    }
    return ended;
  };
  // Ticks never overlap: a slow sweep is joined, not doubled.
  const tick = () => (running ??= sweep().finally(() => (running = null)));
  const timer = options.intervalMs ? setInterval(() => void tick(), options.intervalMs) : null;
  timer?.unref();
  return { tick, stop: () => timer && clearInterval(timer) };
}

let shared: PauseScheduler | null = null;

/** Starts the app's one scheduler (once per process); later calls return it. */
export function ensurePauseScheduler(options: PauseSchedulerOptions): PauseScheduler {
  shared ??= createPauseScheduler(options);
  return shared;
}

export function stopPauseScheduler(): void {
  shared?.stop();
  shared = null;
}
