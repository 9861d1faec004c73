-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "createdByName" TEXT;

-- CreateTable
CREATE TABLE "JobGate" (
    "jobId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "needsApproval" BOOLEAN NOT NULL,
    "approvalReason" TEXT,
    "approverId" TEXT,
    "decision" TEXT,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),
    "undoMinutes" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3),
    "cancelledById" TEXT,
    "cancelledByName" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobGate_pkey" PRIMARY KEY ("jobId")
);

-- CreateTable
CREATE TABLE "StaffRules" (
    "shop" TEXT NOT NULL,
    "jobAmountLimit" TEXT NOT NULL DEFAULT '2000',
    "jobOrderLimit" INTEGER NOT NULL DEFAULT 50,
    "dayAmountLimit" TEXT NOT NULL DEFAULT '2000',
    "dayOrderLimit" INTEGER NOT NULL DEFAULT 50,
    "approverId" TEXT,
    "approverName" TEXT,
    "undoMinutes" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,
    "updatedByName" TEXT,

    CONSTRAINT "StaffRules_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "JobGate_shop_createdAt_idx" ON "JobGate"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "JobGate_startsAt_idx" ON "JobGate"("startsAt");

