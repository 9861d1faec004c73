-- PostgreSQL twin of the SQLite migration of the same name: Prisma diff, then the same backfill.
ALTER TABLE "TrackedOrder" ADD COLUMN     "appFulfillBy" TIMESTAMP(3),
ADD COLUMN     "frozenPromiseDate" TEXT,
ADD COLUMN     "frozenPromiseSource" TEXT,
ADD COLUMN     "promiseFrozenAt" TIMESTAMP(3);

UPDATE "TrackedOrder"
SET "frozenPromiseDate" = "promisedShipDate",
    "frozenPromiseSource" = CASE WHEN "promiseSource" = 'fulfillBy' THEN 'fulfillBy' ELSE 'backfill' END,
    "promiseFrozenAt" = COALESCE("forecastAt", "syncedAt")
WHERE "promisedShipDate" IS NOT NULL;
