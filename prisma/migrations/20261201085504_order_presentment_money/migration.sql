-- AlterTable
ALTER TABLE "TrackedOrder" ADD COLUMN "customerLocale" TEXT;
ALTER TABLE "TrackedOrder" ADD COLUMN "presentmentAmount" TEXT;
ALTER TABLE "TrackedOrder" ADD COLUMN "presentmentCurrencyCode" TEXT;

