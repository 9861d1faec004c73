// The orders search's first matches: up to a limit of the orders that match the words, each with
// its place in the table's order (sort value and id), so that a rare word is answered from its few
// matches (sorted and paged in memory, then only the page's rows read) and a common one is known to
// be common without reading every row. On SQLite, the FTS5 trigram index of name, email and the
// customer's names (migration *_order_search, kept by triggers) gives the rows that may match and
// the search's own LIKE is checked on those only; on PostgreSQL the pg_trgm GIN indexes serve the
// ILIKE itself, and its planner picks them for a rare word and a plain scan that stops early for a
// common one (`npm run bench -- pages`).
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isSqliteClient } from "../prisma-client.server";
import { trigramQuery, type SortKey } from "./order-search";

/**
 * Above this many matches the words are common in the shop (one order in ten of a 50,000-order
 * backlog): reading the page's rows in sort order while checking the LIKE finds a page within a few
 * hundred rows, and the count is shown as a floor. At or below it, the matches' sort keys are the
 * whole answer, sorted and paged here; the count shown stops at 1,000 (SEARCH_COUNT_LIMIT) all the
 * same. A word in a few thousand orders (`smith`, `#10` in the bench) is too sparse for the walk in
 * sort order, which read tens of thousands of rows for it, and cheap as keys.
 */
export const SEARCH_INDEX_LIMIT = 5000;

/** The sort columns of the orders table (orders-view's sorts). */
export type SortColumn = "createdAt" | "promisedShipDate" | "conservativeShipDate";

// A raw query's DateTime comes back as the adapter gives it (a Date, its ISO text or epoch ms):
// the key is its ISO text, as the page's cursor has it.
const sortValue = z
  .union([z.date(), z.string(), z.number(), z.bigint(), z.null()])
  .transform((v) => (v === null ? null : new Date(typeof v === "bigint" ? Number(v) : v)));
const keyRows = (column: SortColumn) =>
  z.array(
    z.object({
      id: z.string(),
      v:
        column === "createdAt"
          ? sortValue.transform((d) => d?.toISOString() ?? null)
          : z.string().nullable(),
    }),
  );

type SearchDb = Pick<PrismaClient, "trackedOrder" | "$queryRaw">;

/** The columns a word may be found in (ordersWhere's OR), for the raw query on SQLite. */
const SEARCHED = ["name", "email", "customerFirstName", "customerLastName"] as const;

/**
 * Up to `limit + 1` of the orders `where` selects (the shop, the filter's classes and every word's
 * LIKE, from ordersWhere), as sort keys on `column`, read through the search index where it can
 * narrow them. More than `limit` means the words are common. A negative limit skips the lookup.
 */
export async function firstMatches(
  db: SearchDb,
  shop: string,
  where: Prisma.TrackedOrderWhereInput,
  classes: readonly string[],
  words: readonly string[],
  column: SortColumn,
  limit = SEARCH_INDEX_LIMIT,
): Promise<SortKey[]> {
  if (limit < 0) return [];
  const query = isSqliteClient(db) ? trigramQuery(words) : null;
  if (query === null) {
    // PostgreSQL, whose planner serves the LIKE from the trigram indexes or a scan that stops at
    // the limit; and on SQLite words without a piece of 3 characters, which no index serves: one
    // scan of the shop's rows in the classes gives the matches.
    const rows = await db.trackedOrder.findMany({
      where,
      // Only the sort column beside the id: a common word reads the limit's 5,001 rows, and each
      // column more is Prisma's work on every one of them.
      select: {
        id: true,
        createdAt: column === "createdAt",
        promisedShipDate: column === "promisedShipDate",
        conservativeShipDate: column === "conservativeShipDate",
      },
      take: limit + 1,
    });
    return rows.map((row) => ({
      id: row.id,
      v: column === "createdAt" ? (row.createdAt?.toISOString() ?? null) : (row[column] ?? null),
    }));
  }
  // The same LIKE as Prisma's `contains` (`%word%`, its wildcards live), checked on the index's
  // hits only. CROSS JOIN keeps the index as the outer loop, read lazily, so LIMIT stops it early
  // (https://sqlite.org/optoverview.html#crossjoin). The hits are read newest first for the
  // backlog's classes: orders leave the backlog as they ship, so its matches sit among the newest
  // rowids, and oldest first had `example.com` (in nearly every row) look up tens of thousands of
  // done orders before its 1,001st match (`npm run bench -- pages`). Only "done" reads oldest first.
  const wordMatches = words.map(
    (word) =>
      Prisma.sql`(${Prisma.join(
        SEARCHED.map((c) => Prisma.sql`t.${Prisma.raw(`"${c}"`)} LIKE ${`%${word}%`}`),
        " OR ",
      )})`,
  );
  const order = classes.includes("done") ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return keyRows(column).parse(
    await db.$queryRaw`SELECT t."id" AS "id", t.${Prisma.raw(`"${column}"`)} AS "v"
      FROM "TrackedOrderSearch" AS s CROSS JOIN "TrackedOrder" AS t
      WHERE s."TrackedOrderSearch" MATCH ${query} AND t."rowid" = s."rowid" AND t."shop" = ${shop}
        AND t."delayClass" IN (${Prisma.join(classes)})
        AND ${Prisma.join(wordMatches, " AND ")}
      ORDER BY s."rowid" ${order}
      LIMIT ${limit + 1}`,
  );
}
