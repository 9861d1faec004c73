-- The pause scheduler's backoff and give-up reason (written by hand from Prisma's diff: adding
-- nullable or defaulted columns needs no table rebuild in SQLite).
ALTER TABLE "StorefrontState" ADD COLUMN "pauseEndFailedFor" DATETIME;
ALTER TABLE "StorefrontState" ADD COLUMN "pauseEndFailures" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "StorefrontState" ADD COLUMN "pauseEndRetryAt" DATETIME;
ALTER TABLE "StorefrontState" ADD COLUMN "pauseEndError" TEXT;
