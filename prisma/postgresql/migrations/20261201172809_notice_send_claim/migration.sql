-- AlterTable
ALTER TABLE "Notice" ADD COLUMN     "rawMessage" TEXT,
ADD COLUMN     "sendingBy" TEXT,
ADD COLUMN     "sendingUntil" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Notice_shop_jobId_orderId_key" ON "Notice"("shop", "jobId", "orderId");

