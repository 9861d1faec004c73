-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "consentRuleSet" TEXT NOT NULL DEFAULT 'ftc';

-- CreateTable
CREATE TABLE "ConsentRequest" (
    "shop" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "ruleSet" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "reason" TEXT,
    "delayDays" INTEGER,
    "revisedDate" TEXT,
    "deadline" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answeredAt" TIMESTAMP(3),
    "reviewSince" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "resolvedBy" TEXT,
    "cancelJobId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRequest_pkey" PRIMARY KEY ("shop","noticeId")
);

-- CreateIndex
CREATE INDEX "ConsentRequest_shop_status_idx" ON "ConsentRequest"("shop", "status");

-- CreateIndex
CREATE INDEX "ConsentRequest_shop_orderId_idx" ON "ConsentRequest"("shop", "orderId");

