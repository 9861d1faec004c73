-- AlterTable
ALTER TABLE "StorefrontState" ADD COLUMN     "heldItems" TEXT NOT NULL DEFAULT '[]';

