// The orders search's first matches: up to a limit of the orders that match the words, each with
// its place in the table's order (sort value and id), so that a rare word is answered from its few
// matches (sorted and paged in memory, then only the page's rows read) and a common one is known to
// be common without reading every row. On SQLite, the FTS5 trigram index of name, email and the
// customer's names (migration *_order_search, kept by triggers) gives the rows that may match and
// the search's own LIKE is checked on those only; on PostgreSQL the pg_trgm GIN index of the side
// table TrackedOrderTrigram does the same for the ILIKE, and its planner picks it for a rare word and
// a plain scan of that narrow table that stops early for a common one (`npm run bench -- pages`).
import { Prisma, type PrismaClient } from "@prisma/client";
import { z } from "zod";
import { isSqliteClient } from "../prisma-client.server";
import { DELAY_CLASSES, DONE_CLASS } from "./backlog";
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

/** The index of (shop, the searched columns) in prisma/schema.prisma, by its `map` name. */
export const SEARCH_COLUMNS_INDEX = "TrackedOrder_shop_search_columns_idx";

/**
 * Up to `limit + 1` of the orders ordersWhere selects (the shop, the filter's classes and every
 * word's LIKE, written here as raw SQL with the same LIKE), as sort keys on `column`, read through the search index where it can
 * narrow them. More than `limit` means the words are common. A negative limit skips the lookup.
 */
export async function firstMatches(
  db: SearchDb,
  shop: string,
  classes: readonly string[],
  words: readonly string[],
  column: SortColumn,
  limit = SEARCH_INDEX_LIMIT,
): Promise<SortKey[]> {
  if (limit < 0) return [];
  const sqlite = isSqliteClient(db);
  const query = sqlite ? trigramQuery(words) : null;
  if (sqlite && query === null) return shortWordMatches(db, shop, classes, words, column, limit);
  if (query === null) return postgresqlMatches(db, shop, classes, words, column, limit);
  // The same LIKE as Prisma's `contains` (`%word%`, its wildcards live), checked on the index's
  // hits only. CROSS JOIN keeps the index as the outer loop, read lazily, so LIMIT stops it early
  // (https://sqlite.org/optoverview.html#crossjoin). The hits are read newest first for the
  // backlog's classes: orders leave the backlog as they ship, so its matches sit among the newest
  // rowids, and oldest first had `example.com` (in nearly every row) look up tens of thousands of
  // done orders before its 1,001st match (`npm run bench -- pages`). Only "done" reads oldest first.
  const order = classes.includes("done") ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return keyRows(column).parse(
    await db.$queryRaw`SELECT t."id" AS "id", t.${Prisma.raw(`"${column}"`)} AS "v"
      FROM "TrackedOrderSearch" AS s CROSS JOIN "TrackedOrder" AS t
      WHERE s."TrackedOrderSearch" MATCH ${query} AND t."rowid" = s."rowid" AND t."shop" = ${shop}
        AND t."delayClass" IN (${Prisma.join(classes)})
        AND ${wordsLike("t", words)}
      ORDER BY s."rowid" ${order}
      LIMIT ${limit + 1}`,
  );
}

/**
 * Every word's LIKE on the searched columns of `alias`, as Prisma writes `contains` (`%word%`, its
 * wildcards live): LIKE on SQLite, ILIKE on PostgreSQL, where every `contains` is made
 * case-insensitive (app/case-insensitive-filters.ts).
 */
function wordsLike(alias: string, words: readonly string[], like = "LIKE"): Prisma.Sql {
  return Prisma.join(
    words.map(
      (word) =>
        Prisma.sql`(${Prisma.join(
          SEARCHED.map((c) => Prisma.sql`${Prisma.raw(`${alias}."${c}" ${like}`)} ${`%${word}%`}`),
          " OR ",
        )})`,
    ),
    " AND ",
  );
}

/**
 * SQLite, words without a piece of 3 characters (`zq`, `#1`): no trigram to look up, so the LIKE is
 * checked on every order of the shop, exactly as before, but on the index of (shop, name, email,
 * first name, last name) (migration *_orders_short_search_index), which holds just those columns:
 * a scan of it reads a fraction of the pages the table's wide rows take (line items, addresses).
 * Only a match is looked up in the table, by rowid, for its class and sort key. No ORDER BY, so
 * LIMIT stops a common word early; below the limit every match is returned, in any order.
 * Why not a word prefix, as Shopify's own search matches terms (docs/late-orders-pages.md): the
 * page has always found a word anywhere, and a 2-letter word is where the two part ways.
 */
async function shortWordMatches(
  db: SearchDb,
  shop: string,
  classes: readonly string[],
  words: readonly string[],
  column: SortColumn,
  limit: number,
): Promise<SortKey[]> {
  return keyRows(column).parse(
    await db.$queryRaw`SELECT t."id" AS "id", t.${Prisma.raw(`"${column}"`)} AS "v"
      FROM "TrackedOrder" AS m INDEXED BY ${Prisma.raw(`"${SEARCH_COLUMNS_INDEX}"`)}
        CROSS JOIN "TrackedOrder" AS t
      WHERE m."shop" = ${shop} AND ${wordsLike("m", words)}
        AND t."rowid" = m."rowid" AND t."delayClass" IN (${Prisma.join(classes)})
      LIMIT ${limit + 1}`,
  );
}

/**
 * PostgreSQL: TrackedOrderTrigram (migrations *_orders_trigram_table, *_orders_trigram_sort_keys,
 * kept by triggers) holds each order's name, email and customer's names lowered into one search
 * text, with a pg_trgm GIN index, and its class group, creation date and promise. Every order the
 * words' ILIKE finds has a search text holding each lowered word (LIKE lower('%word%')), so that
 * gives the candidates. The planner reads them from the trigram index for a rare word, and by a scan
 * of the narrow table, one LIKE per row, for a common one or a word too short for a trigram (`zq`).
 *
 * Most searches are then answered from the candidates' side-table rows alone (`answered`: `smith`
 * at 100,000 orders, 4,555 candidates and 2,178 in the backlog, took 8 ms in EXPLAIN ANALYZE where
 * looking each up in TrackedOrder took 24 ms; docs/decisions/017-postgresql-search-side-table.md).
 * The others look each candidate of the filter's class group up in TrackedOrder, for its class, its
 * ILIKE or its sort key.
 *
 * Up to CANDIDATE_FACTOR × limit candidates are taken; beyond that the words are common, and the
 * matches are read from TrackedOrder alone (`commonMatches`): the backlog is the newest orders, so
 * the narrow table in insertion order held `example.com`'s 5,001st backlog match at its 41,523rd
 * candidate (41,523 lookups, 330 ms at 100,000 orders, EXPLAIN ANALYZE), where a scan of
 * TrackedOrder by class meets them at once. One statement either way: the candidates are counted
 * in the CTE and the rest runs only below the bound (CASE evaluates its ELSE subquery only when
 * reached, https://www.postgresql.org/docs/15/functions-conditional.html#FUNCTIONS-CASE). The CTE
 * reads the words' candidates whatever their class, so its plan (and the count that decides the
 * path) is the one measured before the class group was there; the group is checked on its rows.
 * `OFFSET 0` keeps the LATERAL subquery from being merged into a join (PostgreSQL pulls up no
 * subquery with LIMIT or OFFSET), which for `smith` the planner had made a hash join over every
 * order of the classes (186 ms at 100,000 orders; docs/performance-history.md).
 */
async function postgresqlMatches(
  db: SearchDb,
  shop: string,
  classes: readonly string[],
  words: readonly string[],
  column: SortColumn,
  limit: number,
): Promise<SortKey[]> {
  const bound = CANDIDATE_FACTOR * (limit + 1);
  const narrowed = Prisma.join(
    words.map((word) => Prisma.sql`s."search" LIKE lower(${`%${word}%`})`),
    " AND ",
  );
  // A word the planner already takes for common skips the count (`example.com`: about 10 ms of
  // its page). Its estimates of the candidates were within 2× of the counts at 100,000 orders,
  // with or without ANALYZE; a wrong one costs time only, every path gives the same matches.
  const estimate = planRows.parse(
    await db.$queryRaw`EXPLAIN (FORMAT JSON) SELECT 1 FROM "TrackedOrderTrigram" AS s
      WHERE s."shop" = ${shop} AND ${narrowed}`,
  )[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"];
  if (estimate !== undefined && estimate > ESTIMATE_FACTOR * bound)
    return commonMatches(db, shop, classes, words, column, limit);
  const group = classGroup(classes);
  const inGroup = group ? Prisma.sql`c."classGroup" = ${group.name}` : Prisma.sql`TRUE`;
  const answered =
    group?.exact === true && column !== "conservativeShipDate" && words.every(likeIsExact);
  const matches = answered
    ? Prisma.sql`SELECT c."id" AS "id", c."v" AS "v" FROM c WHERE ${inGroup}`
    : Prisma.sql`SELECT t."id" AS "id", t."v" AS "v"
        FROM c CROSS JOIN LATERAL (
          SELECT t."id" AS "id", ${sortValueSql("t", column)} AS "v" FROM "TrackedOrder" AS t
          WHERE t."shop" = ${shop} AND t."id" = c."id"
            AND t."delayClass" IN (${Prisma.join(classes)}) AND ${wordsLike("t", words, "ILIKE")}
          OFFSET 0) AS t
        WHERE ${inGroup}`;
  const sideValue =
    column === "conservativeShipDate" ? Prisma.sql`NULL` : sortValueSql("s", column);
  const [row] = candidateKeys.parse(
    await db.$queryRaw`WITH c AS MATERIALIZED (
        SELECT s."id" AS "id", s."classGroup" AS "classGroup", ${sideValue} AS "v"
        FROM "TrackedOrderTrigram" AS s
        WHERE s."shop" = ${shop} AND ${narrowed}
        LIMIT ${bound + 1}
      ), n AS (SELECT count(*) AS "candidates" FROM c)
      SELECT n."candidates" > ${bound} AS "common",
        CASE WHEN n."candidates" > ${bound} THEN NULL ELSE (
          SELECT json_agg(json_build_array(m."id", m."v"))::text
          FROM (${matches} LIMIT ${limit + 1}) AS m
        ) END AS "keys"
      FROM n`,
  );
  if (row?.common) return commonMatches(db, shop, classes, words, column, limit);
  return parseKeys(row?.keys ?? null);
}

/** The class groups of TrackedOrderTrigram."classGroup" (migration *_orders_trigram_sort_keys). */
const CLASS_GROUPS = { backlog: DELAY_CLASSES, done: [DONE_CLASS] } as const;

/**
 * The one class group that holds every class asked for, if any, and whether the classes are the
 * whole group (then the group alone selects them: the filters "all" and "done"). A class in no
 * group (never written by the forecast) has none: its candidates are all looked up.
 */
function classGroup(classes: readonly string[]): { name: string; exact: boolean } | null {
  for (const [name, members] of Object.entries(CLASS_GROUPS)) {
    const inGroup: readonly string[] = members;
    if (classes.length > 0 && classes.every((c) => inGroup.includes(c)))
      return { name, exact: inGroup.every((c) => classes.includes(c)) };
  }
  return null;
}

/**
 * Whether the search text's LIKE finds exactly the orders the word's ILIKE finds, not only at
 * least them: it does when the word has no wildcard and no escape. Then a match in the search text
 * (the lowered columns, one line each) holds no line break, as the word holds none (words are split
 * on whitespace), so it lies within one column, whose ILIKE is the same LIKE of the lowered column
 * (migration *_orders_trigram_table). A `%` or `_` can match across a line break, and a trailing `\`
 * escapes the pattern's last `%`, anchoring it to the end of the text rather than of a column.
 */
function likeIsExact(word: string): boolean {
  return !/[%_\\]/.test(word);
}

/** Candidates looked up one by one per match wanted, at most (postgresqlMatches). */
const CANDIDATE_FACTOR = 2;
/** Above this many times the bound, the planner's estimate alone makes the words common. */
const ESTIMATE_FACTOR = 4;

// EXPLAIN (FORMAT JSON) gives one row whose "QUERY PLAN" is the plan as JSON, parsed or as text
// depending on the driver (https://www.postgresql.org/docs/15/sql-explain.html).
const planRows = z.array(
  z.object({
    "QUERY PLAN": z
      .union([z.string().transform((text): unknown => JSON.parse(text)), z.array(z.unknown())])
      .pipe(z.array(z.object({ Plan: z.object({ "Plan Rows": z.number() }) }))),
  }),
);

/**
 * PostgreSQL, common words: the matches read from TrackedOrder alone, with its ILIKE, by a scan that
 * stops at the limit. The keys come back as one JSON array, not one row each: a common word's 5,001
 * rows through Prisma, an object per row, were most of its time (`example.com` took 81 ms at 100k
 * orders on a quiet machine, `npm run bench -- pages`).
 */
async function commonMatches(
  db: SearchDb,
  shop: string,
  classes: readonly string[],
  words: readonly string[],
  column: SortColumn,
  limit: number,
): Promise<SortKey[]> {
  const [row] = aggregatedKeys.parse(
    await db.$queryRaw`SELECT json_agg(json_build_array(m."id", m."v"))::text AS "keys"
      FROM (SELECT t."id" AS "id", ${sortValueSql("t", column)} AS "v" FROM "TrackedOrder" AS t
        WHERE t."shop" = ${shop} AND t."delayClass" IN (${Prisma.join(classes)})
          AND ${wordsLike("t", words, "ILIKE")}
        LIMIT ${limit + 1}) AS m`,
  );
  return parseKeys(row?.keys ?? null);
}

/**
 * The sort value of the row `alias` (TrackedOrder or its side table) as a key: `createdAt` as epoch
 * milliseconds, exact (`extract` is numeric), so the key is the instant's ISO text as the cursor has
 * it.
 */
function sortValueSql(alias: "s" | "t", column: SortColumn): Prisma.Sql {
  return column === "createdAt"
    ? Prisma.raw(`(extract(epoch FROM ${alias}."createdAt") * 1000)::bigint`)
    : Prisma.raw(`${alias}."${column}"`);
}

function parseKeys(keys: string | null): SortKey[] {
  if (!keys) return [];
  return keyTuples.parse(JSON.parse(keys)).map(([id, v]) => ({
    id,
    v: v === null ? null : typeof v === "number" ? new Date(v).toISOString() : v,
  }));
}

const candidateKeys = z.array(z.object({ common: z.boolean(), keys: z.string().nullable() }));
const aggregatedKeys = z.array(z.object({ keys: z.string().nullable() }));
const keyTuples = z.array(z.tuple([z.string(), z.union([z.string(), z.number(), z.null()])]));
