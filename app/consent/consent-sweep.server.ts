// The consent deadline sweep, started by the background work (app/services.server.ts) like the
// retention sweep: every interval, each shop with an unanswered "yes" ask past its deadline gets
// it on the review list and the order on hold (consent.server.ts). One process per round (a named
// lease), so two processes never queue two holds for the same order.
import type { PrismaClient } from "@prisma/client";
import { startClaimedSweep } from "../periodic-sweep";
import { shopsAwaitingConsent, sweepConsentDeadlines } from "./consent.server";

/** Deadlines are whole shop days: a quarter-hour sweep puts an order on the list early on the next day. */
export const CONSENT_SWEEP_MS = 15 * 60_000;

export interface ConsentSweepOptions {
  db: PrismaClient;
  intervalMs?: number;
  now?: () => Date;
  onError: (error: unknown) => void;
  claim?: () => Promise<boolean>;
}

export async function sweepAllConsentDeadlines(db: PrismaClient, now: Date): Promise<number> {
  let moved = 0;
  for (const shop of await shopsAwaitingConsent(db))
    moved += (await sweepConsentDeadlines(db, shop, now)).toReview.length;
  return moved;
}

/** Sweeps now and then every interval; returns the function that stops it. */
export function startConsentSweep(options: ConsentSweepOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  return startClaimedSweep({
    sweep: () => sweepAllConsentDeadlines(options.db, now()),
    intervalMs: options.intervalMs ?? CONSENT_SWEEP_MS,
    onError: options.onError,
    claim: options.claim,
  });
}
