// Retention (docs/data-lifecycle.md): webhook receipts are kept 7 days, longer than Shopify's
// 48-hour retry window ("Ignore duplicate webhooks"), then pruned by this sweep, which the
// background work starts (app/services.server.ts). Every other table lives as long as the
// install, and goes on shop/redact.
import type { PrismaClient } from "@prisma/client";
import { startClaimedSweep } from "../periodic-sweep";
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
export function startRetentionSweep(options: RetentionSweepOptions): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  return startClaimedSweep({
    sweep: () => forgetOldWebhookReceipts(options.db, now()),
    intervalMs: options.intervalMs ?? RETENTION_SWEEP_MS,
    onError: options.onError,
    claim: options.claim,
  });
}
