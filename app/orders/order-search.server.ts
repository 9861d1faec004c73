// The orders search's index lookup. On SQLite, the FTS5 trigram index of name, email and the
// customer's names (migration *_order_search, kept by triggers) gives the few orders a search can
// match; the page then checks the search's own LIKE on those rows only. On PostgreSQL the pg_trgm
// GIN indexes serve the LIKE itself (ILIKE '%word%'), so there is nothing to ask first.
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isSqliteClient } from "../prisma-client.server";
import { trigramQuery } from "./order-search";

/**
 * Above this many hits the words are common in the shop, and reading the page's rows in sort order
 * while checking the LIKE finds a page within a few thousand rows; below it, the hits are the set.
 */
export const SEARCH_INDEX_LIMIT = 2000;

const idRows = z.array(z.object({ id: z.string() }));

/**
 * The ids of the shop's orders that may match the words (every order the LIKE finds is among them),
 * or null when the index cannot narrow the search: PostgreSQL, words without a piece of 3
 * characters, or more than SEARCH_INDEX_LIMIT hits.
 */
export async function searchCandidates(
  db: Pick<PrismaClient, "$queryRaw">,
  shop: string,
  words: readonly string[],
  limit = SEARCH_INDEX_LIMIT,
): Promise<string[] | null> {
  if (!isSqliteClient(db)) return null;
  const query = trigramQuery(words);
  if (query === null) return null;
  // CROSS JOIN keeps the index as the outer loop, read lazily, so LIMIT stops it early
  // (https://sqlite.org/optoverview.html#crossjoin).
  const rows = idRows.parse(
    await db.$queryRaw`SELECT t."id" AS "id" FROM "TrackedOrderSearch" AS s CROSS JOIN "TrackedOrder" AS t
      WHERE s."TrackedOrderSearch" MATCH ${query} AND t."rowid" = s."rowid" AND t."shop" = ${shop}
      LIMIT ${limit + 1}`,
  );
  return rows.length > limit ? null : rows.map((row) => row.id);
}
