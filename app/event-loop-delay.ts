// How late the event loop turns (perf_hooks' monitorEventLoopDelay), for /healthz's answer: a
// liveness probe that answers at all proves the loop turns, this says how promptly. The
// histogram is swapped every `windowMs`, so the figures cover the last one to two windows,
// not the process's whole life.
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface EventLoopDelay {
  p99Ms: number;
  maxMs: number;
}

export interface EventLoopDelayMonitor {
  current(): EventLoopDelay;
  stop(): void;
}

const toMs = (ns: number) => Math.round(ns / 1e5) / 10;

export function watchEventLoopDelay(windowMs = 10_000): EventLoopDelayMonitor {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let previous: EventLoopDelay = { p99Ms: 0, maxMs: 0 };
  const read = (): EventLoopDelay =>
    // Before its first sample a histogram reports NaN/huge values; count() says whether it has one.
    histogram.count === 0
      ? { p99Ms: 0, maxMs: 0 }
      : { p99Ms: toMs(histogram.percentile(99)), maxMs: toMs(histogram.max) };
  const timer = setInterval(() => {
    previous = read();
    histogram.reset();
  }, windowMs).unref();
  return {
    current() {
      const now = read();
      return {
        p99Ms: Math.max(now.p99Ms, previous.p99Ms),
        maxMs: Math.max(now.maxMs, previous.maxMs),
      };
    },
    stop() {
      clearInterval(timer);
      histogram.disable();
    },
  };
}
