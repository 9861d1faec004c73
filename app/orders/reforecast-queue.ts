// The reforecast's queue (issue 15): the backlog oldest first, equal instants by id, the order a
// from-scratch forecast uses on both databases (reforecast-equivalence.test.ts). The rows are read
// in no particular order (reforecast-rows.server.ts: sorting in PostgreSQL cost half the read), so
// the queue is built here from the columns, comparing numbers and, only within runs of equal
// instants, ids.

/** Code point order (UTF-8 byte order, as SQLite's BINARY and PostgreSQL's "C" collations). */
export function compareCodePoints(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; ) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(i) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * Queue positions oldest first, equal instants by id: the rows come in the database's storage
 * order, usually already oldest first (orders are stored as they are placed), so the check is
 * one pass and the sort, when needed, compares numbers; only runs of equal instants compare ids.
 */
export function oldestFirst(createdAtMs: Float64Array, ids: readonly string[]): Int32Array {
  const queue = new Int32Array(createdAtMs.length);
  let sorted = true;
  for (let i = 0; i < createdAtMs.length; i += 1) {
    queue[i] = i;
    const previous = createdAtMs[i - 1] ?? -Infinity;
    const at = createdAtMs[i] ?? 0;
    if (at < previous || (at === previous && compareCodePoints(ids[i - 1] ?? "", ids[i] ?? "") > 0))
      sorted = false;
  }
  if (sorted) return queue;
  queue.sort((a, b) => (createdAtMs[a] ?? 0) - (createdAtMs[b] ?? 0));
  for (let start = 0; start < queue.length; ) {
    const at = createdAtMs[queue[start] ?? 0];
    let end = start + 1;
    while (end < queue.length && createdAtMs[queue[end] ?? 0] === at) end += 1;
    if (end - start > 1)
      queue
        .subarray(start, end)
        .sort((a, b) => compareCodePoints(ids[a] ?? "", ids[b] ?? "") || a - b);
    start = end;
  }
  return queue;
}
