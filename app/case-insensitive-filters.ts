// Prisma's `contains`, `startsWith` and `endsWith` become SQL LIKE. SQLite's LIKE ignores case
// (for ASCII, https://sqlite.org/lang_expr.html#like) and PostgreSQL's does not, so the same
// search ("ava" for Ava Chen) found rows on one database and none on the other. On PostgreSQL
// every such filter gets `mode: "insensitive"` (ILIKE,
// https://www.prisma.io/docs/orm/prisma-client/queries/filtering-and-sorting#case-insensitive-filtering),
// so they mean what the app was written and tested against on both.

const LIKE_FILTERS = ["contains", "startsWith", "endsWith"] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Marks every LIKE filter inside a `where` as case-insensitive, in place (idempotent: a `where`
 * reused for a findMany and a count is marked once). Only plain objects and arrays are walked, so
 * Dates and other values pass untouched.
 */
export function makeLikeFiltersInsensitive(where: unknown): void {
  if (Array.isArray(where)) {
    for (const item of where) makeLikeFiltersInsensitive(item);
    return;
  }
  if (!isPlainObject(where)) return;
  if (LIKE_FILTERS.some((key) => typeof where[key] === "string") && !("mode" in where)) {
    where.mode = "insensitive";
  }
  for (const value of Object.values(where)) makeLikeFiltersInsensitive(value);
}
