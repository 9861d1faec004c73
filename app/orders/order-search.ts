// The orders page's search words, and what an index can be asked for them. The answer is always
// the LIKE's (app/orders/list-orders.server.ts: every word somewhere in name, email, first or last
// name; `%` and `_` are LIKE's wildcards, as they have been since the page shipped); an index only
// narrows the rows the LIKE is checked on, so it must find every row the LIKE finds.

/** At most this many words count; the rest of the query is ignored. */
export const MAX_SEARCH_WORDS = 5;

export function searchWords(q: string): string[] {
  return q.split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

/**
 * The SQLite FTS5 query (trigram tokenizer) every row matching the words' LIKE also matches, or null
 * when the words give it nothing to look for. Each word is cut at its wildcards, since `a%b` only
 * promises the pieces `a` and `b`; the trigram index can look up a piece of 3 characters or more
 * (https://sqlite.org/fts5.html#the_trigram_tokenizer), and folds case at least as widely as
 * LIKE does (LIKE folds ASCII only, https://sqlite.org/lang_expr.html#like). The index keeps no
 * positions (detail = none, migration *_orders_fast_search_index), so a piece is asked for as
 * trigrams on their own, every row holding it and perhaps a few more, which the page's LIKE then
 * drops. Not every trigram: those that tile the piece (every third, and the last), since each is
 * one more doclist to read and intersect, and a trigram overlapping its neighbours seldom drops a
 * row they keep: "smith" is "smi" AND "ith", "example.com" four trigrams instead of nine (a word in
 * nearly every row read nine whole doclists, `npm run bench -- pages`). Each trigram is an FTS5
 * string, quotes doubled (https://sqlite.org/fts5.html#full_text_query_syntax), so `AND`, `*`,
 * `"`, `:` or `NEAR` typed in the box are text, never query syntax.
 */
export function trigramQuery(words: readonly string[]): string | null {
  const trigrams = new Set<string>();
  for (const piece of words.flatMap((word) => word.split(/[%_]/))) {
    const chars = Array.from(piece);
    if (chars.length < 3) continue;
    for (let i = 0; i + 3 < chars.length; i += 3) trigrams.add(chars.slice(i, i + 3).join(""));
    trigrams.add(chars.slice(-3).join(""));
  }
  if (trigrams.size === 0) return null;
  return [...trigrams].map((trigram) => `"${trigram.replaceAll('"', '""')}"`).join(" AND ");
}

/** A row's place in the orders table's order: the sort value (null sorts last) and the id. */
export interface SortKey {
  v: string | null;
  id: string;
}

/**
 * The orders table's order, as the database gives it (app/orders/list-orders.server.ts): rows with
 * a value by (value, id) in the view's direction, then rows without one by id in that direction.
 * Values are ISO dates and ids Shopify GIDs, all ASCII, so JavaScript's comparison is the
 * database's byte order.
 */
export function compareSortKeys(a: SortKey, b: SortKey, dir: "asc" | "desc"): number {
  if ((a.v === null) !== (b.v === null)) return a.v === null ? 1 : -1;
  const sign = dir === "asc" ? 1 : -1;
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return sign * (text(a.v ?? "", b.v ?? "") || text(a.id, b.id));
}

/**
 * One page of an already-read set of rows, by the same cursor rules as the database pages:
 * strictly after `cursor` going forwards, strictly before it going back. Returns up to `take + 1`
 * rows in reading order (reversed when going back), as the database path does.
 */
export function pageOfRows<T>(
  rows: readonly T[],
  key: (row: T) => SortKey,
  dir: "asc" | "desc",
  cursor: SortKey | null,
  backwards: boolean,
  take: number,
): T[] {
  const sorted = [...rows].sort((a, b) => compareSortKeys(key(a), key(b), dir));
  if (!backwards) {
    const after = cursor
      ? sorted.filter((row) => compareSortKeys(key(row), cursor, dir) > 0)
      : sorted;
    return after.slice(0, take + 1);
  }
  const before = cursor ? sorted.filter((row) => compareSortKeys(key(row), cursor, dir) < 0) : [];
  return before.reverse().slice(0, take + 1);
}
