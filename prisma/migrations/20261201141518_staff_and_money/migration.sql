-- AlterTable
ALTER TABLE "Job" ADD COLUMN "createdByName" TEXT;

-- CreateTable
CREATE TABLE "JobGate" (
    "jobId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "needsApproval" BOOLEAN NOT NULL,
    "approvalReason" TEXT,
    "approverId" TEXT,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" DATETIME,
    "undoMinutes" INTEGER NOT NULL,
    "startsAt" DATETIME,
    "cancelledById" TEXT,
    "cancelledByName" TEXT,
    "cancelledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StaffRules" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "jobAmountLimit" TEXT NOT NULL DEFAULT '2000',
    "jobOrderLimit" INTEGER NOT NULL DEFAULT 50,
    "dayAmountLimit" TEXT NOT NULL DEFAULT '2000',
    "dayOrderLimit" INTEGER NOT NULL DEFAULT 50,
    "approverId" TEXT,
    "approverName" TEXT,
    "undoMinutes" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" TEXT,
    "updatedByName" TEXT
);

-- CreateIndex
CREATE INDEX "JobGate_shop_createdAt_idx" ON "JobGate"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "JobGate_startsAt_idx" ON "JobGate"("startsAt");

