-- AlterTable
ALTER TABLE "StorefrontState" ADD COLUMN     "waitlist" BOOLEAN NOT NULL DEFAULT true;

