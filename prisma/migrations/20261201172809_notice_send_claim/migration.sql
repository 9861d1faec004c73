-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "rawMessage" TEXT;
ALTER TABLE "Notice" ADD COLUMN "sendingBy" TEXT;
ALTER TABLE "Notice" ADD COLUMN "sendingUntil" DATETIME;

-- CreateIndex
CREATE UNIQUE INDEX "Notice_shop_jobId_orderId_key" ON "Notice"("shop", "jobId", "orderId");

