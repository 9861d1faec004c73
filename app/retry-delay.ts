// The one backoff rule of the app's background queues: exponential from a base, capped, so a
// failing shop is retried less and less often and never in a tight loop.

export interface RetryDelayOptions {
  baseMs: number;
  capMs: number;
}

/** Delay before the retry that follows the `failures`-th failure in a row (1 → baseMs). */
export function retryDelay(failures: number, { baseMs, capMs }: RetryDelayOptions): number {
  if (!Number.isFinite(failures) || failures < 1) return baseMs;
  // 2 ** 1024 is Infinity: clamp the exponent before it can overflow.
  return Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 52));
}
