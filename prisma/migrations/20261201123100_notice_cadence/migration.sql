-- The shops update rhythm for delay notices (issue 13 point 2). Written by hand from Prismas
-- diff: a defaulted column needs no table rebuild in SQLite.
ALTER TABLE "ShopSettings" ADD COLUMN "noticeCadenceDays" INTEGER NOT NULL DEFAULT 7;
