// The orders search's index lookup: the first few orders that match the words, found through an
// index, so that a rare word is answered from its few matches and a common one is known to be
// common without reading every row. On SQLite, the FTS5 trigram index of name, email and the
// customer's names (migration *_order_search, kept by triggers) gives the rows that may match and
// the search's own LIKE is checked on those only; on PostgreSQL the pg_trgm GIN indexes serve the
// ILIKE itself, so the plain query is the indexed one.
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isSqliteClient } from "../prisma-client.server";
import { trigramQuery } from "./order-search";

/**
 * Above this many matches the words are common in the shop: reading the page's rows in sort order
 * while checking the LIKE finds a page within a few thousand rows, and the count is shown as a
 * floor. At or below it, the matches are the whole answer, sorted and paged here.
 */
export const SEARCH_INDEX_LIMIT = 2000;

const idRows = z.array(z.object({ id: z.string() }));

type SearchDb = Pick<PrismaClient, "trackedOrder" | "$queryRaw">;

/** The columns a word may be found in (ordersWhere's OR), for the raw query on SQLite. */
const SEARCHED = ["name", "email", "customerFirstName", "customerLastName"] as const;

/**
 * The ids of up to `limit + 1` of the orders `where` selects (the shop, the filter's classes and
 * every word's LIKE, from ordersWhere), read through the search index where it can narrow them.
 * More than `limit` ids means the words are common. A negative limit skips the lookup (none);
 * null means the page reads the matches itself (PostgreSQL, for words its trigram index serves).
 */
export async function firstMatchingIds(
  db: SearchDb,
  shop: string,
  where: Prisma.TrackedOrderWhereInput,
  classes: readonly string[],
  words: readonly string[],
  limit = SEARCH_INDEX_LIMIT,
): Promise<string[] | null> {
  if (limit < 0) return [];
  const query = trigramQuery(words);
  if (query !== null && !isSqliteClient(db)) {
    // PostgreSQL's GIN indexes serve the page's own ILIKE, and its capped count stops at the
    // 1,001st match: first reading up to 2,001 matches cost more than it saved there
    // (`npm run bench -- pages`: `smith`, `ava chen`, `#10`).
    return null;
  }
  if (query === null) {
    // Words without a piece of 3 characters: no index serves them, so one scan of the shop's rows
    // gives the matches (the page and the count each scanned them before).
    const rows = await db.trackedOrder.findMany({ where, select: { id: true }, take: limit + 1 });
    return rows.map((row) => row.id);
  }
  // The same LIKE as Prisma's `contains` (`%word%`, its wildcards live), checked on the index's
  // hits only. CROSS JOIN keeps the index as the outer loop, read lazily, so LIMIT stops it early
  // (https://sqlite.org/optoverview.html#crossjoin).
  const wordMatches = words.map(
    (word) =>
      Prisma.sql`(${Prisma.join(
        SEARCHED.map((column) => Prisma.sql`t.${Prisma.raw(`"${column}"`)} LIKE ${`%${word}%`}`),
        " OR ",
      )})`,
  );
  const rows = idRows.parse(
    await db.$queryRaw`SELECT t."id" AS "id" FROM "TrackedOrderSearch" AS s CROSS JOIN "TrackedOrder" AS t
      WHERE s."TrackedOrderSearch" MATCH ${query} AND t."rowid" = s."rowid" AND t."shop" = ${shop}
        AND t."delayClass" IN (${Prisma.join(classes)})
        AND ${Prisma.join(wordMatches, " AND ")}
      LIMIT ${limit + 1}`,
  );
  return rows.map((row) => row.id);
}
