-- PostgreSQL twin of the SQLite migration of the same name: Prisma diff, then the same backfill.
ALTER TABLE "ShopSettings" ADD COLUMN     "noticeCadenceDays" INTEGER NOT NULL DEFAULT 7;

