-- AlterTable
ALTER TABLE "JobItem" ADD COLUMN "presentmentAmount" TEXT;
ALTER TABLE "JobItem" ADD COLUMN "presentmentCurrencyCode" TEXT;

