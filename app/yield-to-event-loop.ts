// Background work between its items: with node:sqlite every query runs synchronously on the
// event loop, and a chain of awaited queries never leaves the microtask queue, so a pass over
// many items would hold the loop (and every request and health probe behind it) until it ends.
// setImmediate lets the I/O that arrived meanwhile run first (docs/decisions/016-admission-control.md).
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
