-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN     "presentmentAmount" TEXT,
ADD COLUMN     "presentmentCurrencyCode" TEXT;

