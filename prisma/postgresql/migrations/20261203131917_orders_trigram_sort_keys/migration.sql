-- The orders search answers a word from TrackedOrderTrigram alone (issue 15: `smith`, 4,555
-- candidates at 100,000 orders, each looked up in TrackedOrder by primary key for its class, its
-- ILIKE and its sort key, was 61.6 ms p95 against a bound of 50). The side table now also holds
-- what the default filter ("all": the three backlog classes) and "done", and the sorts by creation
-- date and by promise, need: the class group, createdAt and promisedShipDate
-- (app/orders/order-search.server.ts). Not the class itself nor the conservative date: a reforecast
-- moves orders between overdue, at_risk and on_track and moves every conservative date
-- (`npm run bench -- forecast`, "after a capacity change"), so keeping those here would write this
-- table for every forecast row. The group changes when an order is first forecast, leaves the
-- backlog or comes back; the promise when it is first set (then frozen); createdAt never.
--
-- The table is built again rather than altered: every row gets new values, which an UPDATE would
-- write as new row versions on pages without room (each then a new GIN entry too), and the new
-- columns' updates must find room on their page to be HOT (no index touched,
-- https://www.postgresql.org/docs/15/storage-hot.html): fillfactor 50 leaves half of each page for
-- them (https://www.postgresql.org/docs/15/sql-createtable.html#RELOPTION-FILLFACTOR).
DROP TABLE "TrackedOrderTrigram";

CREATE TABLE "TrackedOrderTrigram" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "search" TEXT NOT NULL,
    "classGroup" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "promisedShipDate" TEXT,

    CONSTRAINT "TrackedOrderTrigram_pkey" PRIMARY KEY ("shop","id")
) WITH (fillfactor = 50);

-- An order's class group: "backlog" for the three classes the forecast gives an order it still has
-- to ship (app/orders/backlog.ts DELAY_CLASSES), "done" for done, null before its first forecast.
CREATE FUNCTION "TrackedOrder_class_group"(delay_class TEXT)
  RETURNS TEXT LANGUAGE sql IMMUTABLE
  RETURN CASE WHEN delay_class IN ('overdue', 'at_risk', 'on_track') THEN 'backlog'
    WHEN delay_class = 'done' THEN 'done' END;

INSERT INTO "TrackedOrderTrigram" ("shop", "id", "search", "classGroup", "createdAt", "promisedShipDate")
SELECT "shop", "id", "TrackedOrder_search_text"("name", "email", "customerFirstName", "customerLastName"),
  "TrackedOrder_class_group"("delayClass"), "createdAt", "promisedShipDate"
FROM "TrackedOrder";

-- CreateIndex
CREATE INDEX "TrackedOrderTrigram_search_idx" ON "TrackedOrderTrigram" USING GIN ("search" gin_trgm_ops);

ANALYZE "TrackedOrderTrigram";

-- The triggers of migration *_orders_trigram_table, now writing the new columns too. The update
-- trigger fires for the searched columns as before and for delayClass, createdAt and
-- promisedShipDate, but its WHEN compares the class group, not the class: a forecast write (which
-- sets the class, the promise and the dates of every row it writes) fires it only for an order whose
-- group or promise changed, and the WHEN is checked before any call. The group is written out in
-- the WHEN (the two tests TrackedOrder_class_group makes, each true, false or null) rather than
-- called, as it is checked for every row a forecast writes.
CREATE OR REPLACE FUNCTION "TrackedOrder_trigram_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrackedOrderTrigram" ("shop", "id", "search", "classGroup", "createdAt", "promisedShipDate")
  SELECT n."shop", n."id", "TrackedOrder_search_text"(n."name", n."email", n."customerFirstName", n."customerLastName"),
    "TrackedOrder_class_group"(n."delayClass"), n."createdAt", n."promisedShipDate"
  FROM new_rows AS n
  ON CONFLICT ("shop", "id") DO UPDATE SET "search" = EXCLUDED."search",
    "classGroup" = EXCLUDED."classGroup", "createdAt" = EXCLUDED."createdAt",
    "promisedShipDate" = EXCLUDED."promisedShipDate";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "TrackedOrder_trigram_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TrackedOrderTrigram" SET
    "shop" = NEW."shop",
    "id" = NEW."id",
    "search" = "TrackedOrder_search_text"(NEW."name", NEW."email", NEW."customerFirstName", NEW."customerLastName"),
    "classGroup" = "TrackedOrder_class_group"(NEW."delayClass"),
    "createdAt" = NEW."createdAt",
    "promisedShipDate" = NEW."promisedShipDate"
  WHERE "shop" = OLD."shop" AND "id" = OLD."id";
  RETURN NULL;
END $$;

DROP TRIGGER "TrackedOrder_trigram_update" ON "TrackedOrder";
CREATE TRIGGER "TrackedOrder_trigram_update"
  AFTER UPDATE OF "shop", "id", "name", "email", "customerFirstName", "customerLastName",
    "delayClass", "createdAt", "promisedShipDate" ON "TrackedOrder"
  FOR EACH ROW
  WHEN ((OLD."shop", OLD."id", OLD."name", OLD."email", OLD."customerFirstName", OLD."customerLastName",
      OLD."delayClass" IN ('overdue', 'at_risk', 'on_track'), OLD."delayClass" = 'done', OLD."createdAt",
      OLD."promisedShipDate")
    IS DISTINCT FROM (NEW."shop", NEW."id", NEW."name", NEW."email", NEW."customerFirstName", NEW."customerLastName",
      NEW."delayClass" IN ('overdue', 'at_risk', 'on_track'), NEW."delayClass" = 'done', NEW."createdAt",
      NEW."promisedShipDate"))
  EXECUTE FUNCTION "TrackedOrder_trigram_update"();
