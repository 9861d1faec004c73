// The one timer loop the background sweeps share (the Flow outbox, the pause scheduler, the
// consent and retention sweeps): a sweep runs on tick() and every intervalMs after start(), and
// ticks never overlap (a slow sweep is joined, not doubled, so a slow database never stacks them
// up). The timer is unref'd: a sweep alone never keeps a process alive.

export interface PeriodicSweep<T> {
  /** One sweep now, or the one already running. */
  tick(): Promise<T>;
  /** Sweeps every intervalMs until stop() (nothing without an interval). Idempotent. */
  start(): void;
  /**
   * Stops the timer and waits for a sweep in flight, so what it talks to (Shopify, the database)
   * can be closed after it without a sweep failing half-way.
   */
  stop(): Promise<void>;
}

export function periodicSweep<T>(
  sweep: () => Promise<T>,
  intervalMs: number | undefined,
): PeriodicSweep<T> {
  let running: Promise<T> | null = null;
  const tick = () => (running ??= sweep().finally(() => (running = null)));
  let timer: NodeJS.Timeout | null = null;
  return {
    tick,
    start() {
      if (timer || !intervalMs) return;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      // A sweep's own failure was reported by whoever awaited it; stopping only waits for it.
      await running?.catch(() => undefined);
    },
  };
}

/**
 * A sweep that first claims its round (a named lease, app/leases/: one process sweeps per round),
 * runs now and then every interval, and reports a failure instead of throwing it; returns the
 * function that stops it (once any sweep in flight has ended).
 */
export function startClaimedSweep(options: {
  sweep: () => Promise<unknown>;
  intervalMs: number;
  onError: (error: unknown) => void;
  claim?: () => Promise<boolean>;
}): () => Promise<void> {
  const claim = options.claim ?? (async () => true);
  const periodic = periodicSweep(
    () =>
      claim()
        .then((mine) => (mine ? options.sweep() : 0))
        .catch(options.onError),
    options.intervalMs,
  );
  void periodic.tick();
  periodic.start();
  return periodic.stop;
}
