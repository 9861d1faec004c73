-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SyncTask" (
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "SyncTask_pkey" PRIMARY KEY ("shop","kind","target")
);

-- CreateTable
CREATE TABLE "Lease" (
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("shop","name")
);

-- CreateIndex
CREATE INDEX "SyncTask_runAfter_idx" ON "SyncTask"("runAfter");

