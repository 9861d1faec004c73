-- CreateTable
CREATE TABLE "ShopOrderSummary" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "pass" INTEGER NOT NULL DEFAULT 0,
    "forecastAt" DATETIME,
    "backlogOrders" INTEGER NOT NULL DEFAULT 0,
    "backlogUnits" INTEGER NOT NULL DEFAULT 0,
    "overdue" INTEGER NOT NULL DEFAULT 0,
    "atRisk" INTEGER NOT NULL DEFAULT 0,
    "onTrack" INTEGER NOT NULL DEFAULT 0
);


-- The counts of ShopOrderSummary follow every write to TrackedOrder, whoever makes it (issue 15:
-- the dashboard reads one row instead of aggregating 100k). A row counts when it is in the backlog
-- of app/orders/backlog.ts (not cancelled, not closed, units left, not FULFILLED or RESTOCKED);
-- keep the two definitions together. app/orders/order-summary.test.ts checks that the counts equal
-- the aggregate over the rows after every kind of change. Updates that cannot change a row's part
-- (tags, names, forecast dates) do not fire: the WHEN clause compares the row's part before and after.
-- The summary row is created with INSERT … WHERE NOT EXISTS, not INSERT OR IGNORE: the conflict
-- clause of the statement that fires a trigger overrides the trigger's own (an upsert's would turn
-- OR IGNORE into a failure; https://sqlite.org/lang_createtrigger.html, "ON CONFLICT").

INSERT INTO "ShopOrderSummary" ("shop", "forecastAt", "backlogOrders", "backlogUnits", "overdue", "atRisk", "onTrack")
SELECT "shop", MAX("forecastAt"),
  SUM((t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED'))),
  SUM(((t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) * t."unitsRemaining")),
  SUM(((t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND t."delayClass" IS 'overdue')),
  SUM(((t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND t."delayClass" IS 'at_risk')),
  SUM(((t."cancelledAt" IS NULL AND t."closedAt" IS NULL AND t."unitsRemaining" > 0 AND t."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND t."delayClass" IS 'on_track'))
FROM "TrackedOrder" AS t GROUP BY "shop";

CREATE TRIGGER "TrackedOrder_summary_insert" AFTER INSERT ON "TrackedOrder"
WHEN (NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED'))
BEGIN
  INSERT INTO "ShopOrderSummary" ("shop") SELECT NEW."shop"
    WHERE NOT EXISTS (SELECT 1 FROM "ShopOrderSummary" WHERE "shop" = NEW."shop");
  UPDATE "ShopOrderSummary" SET
    "backlogOrders" = "backlogOrders" + (NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')),
    "backlogUnits" = "backlogUnits" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) * NEW."unitsRemaining"),
    "overdue" = "overdue" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND NEW."delayClass" IS 'overdue'),
    "atRisk" = "atRisk" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND NEW."delayClass" IS 'at_risk'),
    "onTrack" = "onTrack" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND NEW."delayClass" IS 'on_track')
  WHERE "shop" = NEW."shop";
END;

CREATE TRIGGER "TrackedOrder_summary_delete" AFTER DELETE ON "TrackedOrder"
WHEN (OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED'))
BEGIN
  UPDATE "ShopOrderSummary" SET
    "backlogOrders" = "backlogOrders" - (OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')),
    "backlogUnits" = "backlogUnits" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) * OLD."unitsRemaining"),
    "overdue" = "overdue" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND OLD."delayClass" IS 'overdue'),
    "atRisk" = "atRisk" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND OLD."delayClass" IS 'at_risk'),
    "onTrack" = "onTrack" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND OLD."delayClass" IS 'on_track')
  WHERE "shop" = OLD."shop";
END;

CREATE TRIGGER "TrackedOrder_summary_update" AFTER UPDATE OF "shop", "cancelledAt", "closedAt", "unitsRemaining", "displayFulfillmentStatus", "delayClass" ON "TrackedOrder"
WHEN OLD."shop" IS NOT NEW."shop"
  OR (OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) IS NOT (NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED'))
  OR ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND (OLD."unitsRemaining" IS NOT NEW."unitsRemaining" OR OLD."delayClass" IS NOT NEW."delayClass"))
BEGIN
  INSERT INTO "ShopOrderSummary" ("shop") SELECT NEW."shop"
    WHERE NOT EXISTS (SELECT 1 FROM "ShopOrderSummary" WHERE "shop" = NEW."shop");
  UPDATE "ShopOrderSummary" SET
    "backlogOrders" = "backlogOrders" - (OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')),
    "backlogUnits" = "backlogUnits" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) * OLD."unitsRemaining"),
    "overdue" = "overdue" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND OLD."delayClass" IS 'overdue'),
    "atRisk" = "atRisk" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND OLD."delayClass" IS 'at_risk'),
    "onTrack" = "onTrack" - ((OLD."cancelledAt" IS NULL AND OLD."closedAt" IS NULL AND OLD."unitsRemaining" > 0 AND OLD."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND OLD."delayClass" IS 'on_track')
  WHERE "shop" = OLD."shop";
  UPDATE "ShopOrderSummary" SET
    "backlogOrders" = "backlogOrders" + (NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')),
    "backlogUnits" = "backlogUnits" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) * NEW."unitsRemaining"),
    "overdue" = "overdue" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND NEW."delayClass" IS 'overdue'),
    "atRisk" = "atRisk" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND NEW."delayClass" IS 'at_risk'),
    "onTrack" = "onTrack" + ((NEW."cancelledAt" IS NULL AND NEW."closedAt" IS NULL AND NEW."unitsRemaining" > 0 AND NEW."displayFulfillmentStatus" NOT IN ('FULFILLED', 'RESTOCKED')) AND NEW."delayClass" IS 'on_track')
  WHERE "shop" = NEW."shop";
END;
