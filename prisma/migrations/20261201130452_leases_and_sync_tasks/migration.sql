-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "JobItem" ADD COLUMN "leaseUntil" DATETIME;

-- CreateTable
CREATE TABLE "SyncTask" (
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,

    PRIMARY KEY ("shop", "kind", "target")
);

-- CreateTable
CREATE TABLE "Lease" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,

    PRIMARY KEY ("shop", "name")
);

-- CreateIndex
CREATE INDEX "SyncTask_runAfter_idx" ON "SyncTask"("runAfter");

