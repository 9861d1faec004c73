-- CreateTable
CREATE TABLE "ShopOrderSummary" (
    "shop" TEXT NOT NULL,
    "pass" INTEGER NOT NULL DEFAULT 0,
    "forecastAt" TIMESTAMP(3),
    "backlogOrders" INTEGER NOT NULL DEFAULT 0,
    "backlogUnits" INTEGER NOT NULL DEFAULT 0,
    "overdue" INTEGER NOT NULL DEFAULT 0,
    "atRisk" INTEGER NOT NULL DEFAULT 0,
    "onTrack" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ShopOrderSummary_pkey" PRIMARY KEY ("shop")
);


-- The counts of ShopOrderSummary follow every write to TrackedOrder, whoever makes it (issue 15:
-- the dashboard reads one row instead of aggregating 100k). A row counts when it is in the backlog
-- of app/orders/backlog.ts (not cancelled, not closed, units left, not FULFILLED or RESTOCKED);
-- keep the two definitions together. app/orders/order-summary.test.ts checks that the counts equal
-- the aggregate over the rows after every kind of change. Updates that cannot change a row's part
-- (tags, names, forecast dates) add nothing. Statement-level triggers over the transition tables,
-- so a batch of 2,000 rows costs one aggregate, not 2,000 function calls.

INSERT INTO "ShopOrderSummary" ("shop", "forecastAt", "backlogOrders", "backlogUnits", "overdue", "atRisk", "onTrack")
SELECT "shop", MAX("forecastAt"),
  COUNT(*) FILTER (WHERE (t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED'))),
  COALESCE(SUM("unitsRemaining") FILTER (WHERE (t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED'))), 0),
  COUNT(*) FILTER (WHERE (t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND "delayClass" = 'overdue'),
  COUNT(*) FILTER (WHERE (t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND "delayClass" = 'at_risk'),
  COUNT(*) FILTER (WHERE (t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND "delayClass" = 'on_track')
FROM "TrackedOrder" AS t GROUP BY "shop";

CREATE FUNCTION "TrackedOrder_summary_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ShopOrderSummary" ("shop", "backlogOrders", "backlogUnits", "overdue", "atRisk", "onTrack")
  SELECT "shop", SUM("backlogOrders"), SUM("backlogUnits"), SUM("overdue"), SUM("atRisk"), SUM("onTrack")
  FROM (SELECT n."shop",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')))::int AS "backlogOrders",
      (CASE WHEN (n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) THEN n."unitsRemaining" ELSE 0 END) AS "backlogUnits",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND n."delayClass" IS NOT DISTINCT FROM 'overdue')::int AS "overdue",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND n."delayClass" IS NOT DISTINCT FROM 'at_risk')::int AS "atRisk",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND n."delayClass" IS NOT DISTINCT FROM 'on_track')::int AS "onTrack"
    FROM new_rows AS n) AS delta
  GROUP BY "shop"
  HAVING SUM("backlogOrders") <> 0 OR SUM("backlogUnits") <> 0 OR SUM("overdue") <> 0 OR SUM("atRisk") <> 0 OR SUM("onTrack") <> 0
  ON CONFLICT ("shop") DO UPDATE SET
    "backlogOrders" = "ShopOrderSummary"."backlogOrders" + EXCLUDED."backlogOrders",
    "backlogUnits" = "ShopOrderSummary"."backlogUnits" + EXCLUDED."backlogUnits",
    "overdue" = "ShopOrderSummary"."overdue" + EXCLUDED."overdue",
    "atRisk" = "ShopOrderSummary"."atRisk" + EXCLUDED."atRisk",
    "onTrack" = "ShopOrderSummary"."onTrack" + EXCLUDED."onTrack";
  RETURN NULL;
END $$;

CREATE FUNCTION "TrackedOrder_summary_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ShopOrderSummary" ("shop", "backlogOrders", "backlogUnits", "overdue", "atRisk", "onTrack")
  SELECT "shop", SUM("backlogOrders"), SUM("backlogUnits"), SUM("overdue"), SUM("atRisk"), SUM("onTrack")
  FROM (SELECT o."shop",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')))::int AS "backlogOrders",
      -(CASE WHEN (o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) THEN o."unitsRemaining" ELSE 0 END) AS "backlogUnits",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND o."delayClass" IS NOT DISTINCT FROM 'overdue')::int AS "overdue",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND o."delayClass" IS NOT DISTINCT FROM 'at_risk')::int AS "atRisk",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND o."delayClass" IS NOT DISTINCT FROM 'on_track')::int AS "onTrack"
    FROM old_rows AS o) AS delta
  GROUP BY "shop"
  HAVING SUM("backlogOrders") <> 0 OR SUM("backlogUnits") <> 0 OR SUM("overdue") <> 0 OR SUM("atRisk") <> 0 OR SUM("onTrack") <> 0
  ON CONFLICT ("shop") DO UPDATE SET
    "backlogOrders" = "ShopOrderSummary"."backlogOrders" + EXCLUDED."backlogOrders",
    "backlogUnits" = "ShopOrderSummary"."backlogUnits" + EXCLUDED."backlogUnits",
    "overdue" = "ShopOrderSummary"."overdue" + EXCLUDED."overdue",
    "atRisk" = "ShopOrderSummary"."atRisk" + EXCLUDED."atRisk",
    "onTrack" = "ShopOrderSummary"."onTrack" + EXCLUDED."onTrack";
  RETURN NULL;
END $$;

CREATE FUNCTION "TrackedOrder_summary_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ShopOrderSummary" ("shop", "backlogOrders", "backlogUnits", "overdue", "atRisk", "onTrack")
  SELECT "shop", SUM("backlogOrders"), SUM("backlogUnits"), SUM("overdue"), SUM("atRisk"), SUM("onTrack")
  FROM (SELECT n."shop",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')))::int AS "backlogOrders",
      (CASE WHEN (n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) THEN n."unitsRemaining" ELSE 0 END) AS "backlogUnits",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND n."delayClass" IS NOT DISTINCT FROM 'overdue')::int AS "overdue",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND n."delayClass" IS NOT DISTINCT FROM 'at_risk')::int AS "atRisk",
      ((n."cancelledAt" IS NULL AND n."closedAt" IS NULL AND n."unitsRemaining" > 0 AND n."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND n."delayClass" IS NOT DISTINCT FROM 'on_track')::int AS "onTrack"
    FROM new_rows AS n
    UNION ALL
    SELECT o."shop",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')))::int AS "backlogOrders",
      -(CASE WHEN (o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) THEN o."unitsRemaining" ELSE 0 END) AS "backlogUnits",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND o."delayClass" IS NOT DISTINCT FROM 'overdue')::int AS "overdue",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND o."delayClass" IS NOT DISTINCT FROM 'at_risk')::int AS "atRisk",
      -((o."cancelledAt" IS NULL AND o."closedAt" IS NULL AND o."unitsRemaining" > 0 AND o."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND o."delayClass" IS NOT DISTINCT FROM 'on_track')::int AS "onTrack"
    FROM old_rows AS o) AS delta
  GROUP BY "shop"
  HAVING SUM("backlogOrders") <> 0 OR SUM("backlogUnits") <> 0 OR SUM("overdue") <> 0 OR SUM("atRisk") <> 0 OR SUM("onTrack") <> 0
  ON CONFLICT ("shop") DO UPDATE SET
    "backlogOrders" = "ShopOrderSummary"."backlogOrders" + EXCLUDED."backlogOrders",
    "backlogUnits" = "ShopOrderSummary"."backlogUnits" + EXCLUDED."backlogUnits",
    "overdue" = "ShopOrderSummary"."overdue" + EXCLUDED."overdue",
    "atRisk" = "ShopOrderSummary"."atRisk" + EXCLUDED."atRisk",
    "onTrack" = "ShopOrderSummary"."onTrack" + EXCLUDED."onTrack";
  RETURN NULL;
END $$;

CREATE TRIGGER "TrackedOrder_summary_insert" AFTER INSERT ON "TrackedOrder"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "TrackedOrder_summary_insert"();
CREATE TRIGGER "TrackedOrder_summary_delete" AFTER DELETE ON "TrackedOrder"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "TrackedOrder_summary_delete"();
CREATE TRIGGER "TrackedOrder_summary_update" AFTER UPDATE ON "TrackedOrder"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "TrackedOrder_summary_update"();
