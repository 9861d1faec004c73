-- The orders page's search on PostgreSQL moves off TrackedOrder (issue 15): its four pg_trgm GIN
-- indexes were a third of the cost of every forecast write (the forecast columns are indexed, so no
-- update is HOT and each one writes every index of the row,
-- https://www.postgresql.org/docs/15/storage-hot.html), and the first pass's long writes were their
-- pending lists being flushed (https://www.postgresql.org/docs/15/gin-implementation.html#GIN-FAST-UPDATE).
-- TrackedOrderTrigram holds one search text per order with one trigram index; a forecast write no
-- longer touches it. The wide btree of the searched columns (migration *_orders_short_search_index)
-- stays on SQLite only: here a short word scans the narrow side table instead, and the index misled
-- the planner into reading it for words the trigram indexes serve (docs/performance-history.md).
-- DropIndex
DROP INDEX "TrackedOrder_shop_search_columns_idx";

-- DropIndex
DROP INDEX "TrackedOrder_name_trgm_idx";

-- DropIndex
DROP INDEX "TrackedOrder_email_trgm_idx";

-- DropIndex
DROP INDEX "TrackedOrder_customerFirstName_trgm_idx";

-- DropIndex
DROP INDEX "TrackedOrder_customerLastName_trgm_idx";

-- CreateTable
CREATE TABLE "TrackedOrderTrigram" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "search" TEXT NOT NULL,

    CONSTRAINT "TrackedOrderTrigram_pkey" PRIMARY KEY ("shop","id")
);

-- An order's search text: lower() of each searched column, one line each. A row whose column
-- matches ILIKE '%word%' has a search text that matches LIKE lower('%word%'): in a UTF8 database
-- ILIKE is lower(text) LIKE lower(pattern) (src/backend/utils/adt/like.c, Generic_Text_IC_like), and
-- each column is lowered on its own. The converse need not hold (a `%` in a word may span two
-- lines), so the search checks its ILIKE on TrackedOrder's own columns after this narrows the rows
-- (app/orders/order-search.server.ts). A word has no whitespace (it is split on it), so without a
-- wildcard it never spans a line break. One LIKE on one string per row instead of four ILIKEs (each
-- lowering its text again) is what makes a scan of the table cheap for a word too short for a
-- trigram.
CREATE FUNCTION "TrackedOrder_search_text"(name TEXT, email TEXT, first_name TEXT, last_name TEXT)
  RETURNS TEXT LANGUAGE sql STABLE
  RETURN lower(coalesce(name, '')) || E'\n' || lower(coalesce(email, '')) || E'\n'
    || lower(coalesce(first_name, '')) || E'\n' || lower(coalesce(last_name, ''));

-- Every existing order, before the index is built (one build instead of a row at a time).
INSERT INTO "TrackedOrderTrigram" ("shop", "id", "search")
SELECT "shop", "id", "TrackedOrder_search_text"("name", "email", "customerFirstName", "customerLastName")
FROM "TrackedOrder";

-- CreateIndex
CREATE INDEX "TrackedOrderTrigram_search_idx" ON "TrackedOrderTrigram" USING GIN ("search" gin_trgm_ops);

-- The planner's statistics for the new table now, not at autovacuum's next look
-- (https://www.postgresql.org/docs/15/routine-vacuuming.html#VACUUM-FOR-STATISTICS).
ANALYZE "TrackedOrderTrigram";

-- TrackedOrderTrigram follows every write to TrackedOrder, whoever makes it; the app never writes
-- it. Inserts and deletes by statement-level triggers over the transition tables (a batch of 2,000
-- rows is one INSERT … SELECT, as migration *_shop_order_summary does). An INSERT … ON CONFLICT DO
-- UPDATE gives the insert trigger the inserted rows only and fires the update trigger for the
-- others (https://www.postgresql.org/docs/15/sql-createtrigger.html, Notes). Updates by a row-level
-- trigger on the searched columns only, as transition tables allow no column list: a forecast
-- write (which sets none of them) does not fire it, and an import that rewrites them unchanged is
-- stopped by its WHEN before any call. customers/redact clears email and names in TrackedOrder and
-- this clears them here in the same statement; shop/redact deletes the shop's TrackedOrder rows and
-- this their search rows (app/data-lifecycle/model-treatment.ts).
CREATE FUNCTION "TrackedOrder_trigram_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackedOrderTrigram" ("shop", "id", "search")
  SELECT n."shop", n."id", "TrackedOrder_search_text"(n."name", n."email", n."customerFirstName", n."customerLastName")
  FROM new_rows AS n
  ON CONFLICT ("shop", "id") DO UPDATE SET "search" = EXCLUDED."search";
  RETURN NULL;
END $$;

CREATE FUNCTION "TrackedOrder_trigram_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "TrackedOrderTrigram" AS s USING old_rows AS o WHERE s."shop" = o."shop" AND s."id" = o."id";
  RETURN NULL;
END $$;

CREATE FUNCTION "TrackedOrder_trigram_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TrackedOrderTrigram" SET
    "shop" = NEW."shop",
    "id" = NEW."id",
    "search" = "TrackedOrder_search_text"(NEW."name", NEW."email", NEW."customerFirstName", NEW."customerLastName")
  WHERE "shop" = OLD."shop" AND "id" = OLD."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "TrackedOrder_trigram_insert" AFTER INSERT ON "TrackedOrder"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "TrackedOrder_trigram_insert"();
CREATE TRIGGER "TrackedOrder_trigram_delete" AFTER DELETE ON "TrackedOrder"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "TrackedOrder_trigram_delete"();
CREATE TRIGGER "TrackedOrder_trigram_update"
  AFTER UPDATE OF "shop", "id", "name", "email", "customerFirstName", "customerLastName" ON "TrackedOrder"
  FOR EACH ROW
  WHEN ((OLD."shop", OLD."id", OLD."name", OLD."email", OLD."customerFirstName", OLD."customerLastName")
    IS DISTINCT FROM (NEW."shop", NEW."id", NEW."name", NEW."email", NEW."customerFirstName", NEW."customerLastName"))
  EXECUTE FUNCTION "TrackedOrder_trigram_update"();
