-- The promise frozen when an order is first seen, and the fulfillBy the app itself set (issue 13
-- point 1, written by hand from Prismas diff: nullable columns need no table rebuild in SQLite).
ALTER TABLE "TrackedOrder" ADD COLUMN "appFulfillBy" DATETIME;
ALTER TABLE "TrackedOrder" ADD COLUMN "frozenPromiseDate" TEXT;
ALTER TABLE "TrackedOrder" ADD COLUMN "frozenPromiseSource" TEXT;
ALTER TABLE "TrackedOrder" ADD COLUMN "promiseFrozenAt" DATETIME;

-- Backfill from what is known. The best record of what an existing order was promised is the
-- promise its last forecast judged it by. A promise taken from Shopifys fulfillBy keeps its
-- source, one computed from the rules is marked "backfill", because the rules of the day the
-- order was placed are not recorded and the last forecast used the rules of its own day.
UPDATE "TrackedOrder"
SET "frozenPromiseDate" = "promisedShipDate",
    "frozenPromiseSource" = CASE WHEN "promiseSource" = 'fulfillBy' THEN 'fulfillBy' ELSE 'backfill' END,
    "promiseFrozenAt" = COALESCE("forecastAt", "syncedAt")
WHERE "promisedShipDate" IS NOT NULL;
