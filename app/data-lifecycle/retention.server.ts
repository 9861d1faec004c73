// Retention (docs/data-lifecycle.md): webhook receipts are kept 7 days, longer than Shopify's
// 48-hour retry window ("Ignore duplicate webhooks"), then pruned by this sweep, which the
// background work starts (app/services.server.ts). Every other table lives as long as the
// install, and goes on shop/redact.
import type { PrismaClient } from "@prisma/client";
import { forgetOldWebhookReceipts } from "../webhooks/webhook-receipt.server";

export const RETENTION_SWEEP_MS = 60 * 60_000;

export interface RetentionSweepOptions {
  db: Pick<PrismaClient, "webhookReceipt">;
  intervalMs?: number;
  now?: () => Date;
  onError: (error: unknown) => void;
  /** With several app processes: whether this process prunes this round (one named lease). */
  claim?: () => Promise<boolean>;
}

/** Prunes now and then every interval; returns the function that stops it. */
export function startRetentionSweep(options: RetentionSweepOptions): () => void {
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> | null = null;
  const sweep = () => {
    // One sweep at a time: a slow database never stacks them up.
    if (running) return;
    running = (options.claim ?? (async () => true))()
      .then((mine) => (mine ? forgetOldWebhookReceipts(options.db, now()) : 0))
      .catch(options.onError)
      .finally(() => (running = null));
  };
  sweep();
  const timer = setInterval(sweep, options.intervalMs ?? RETENTION_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
