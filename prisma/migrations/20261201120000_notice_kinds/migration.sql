-- Each notice says what it is (issue 13 point 3): the kind of every notice, and the merchant's
-- wording per kind. Written by hand from Prisma's diff: defaulted or nullable columns need no
-- table rebuild in SQLite.
ALTER TABLE "NoticeTemplate" ADD COLUMN "wordings" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "NoticeTemplate" ADD COLUMN "makeGood" TEXT;
ALTER TABLE "Notice" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'first';

-- Backfill from what each notice said: revision 1 was the first notice; a later one, against the
-- previous sent notice's late end, was a later date, an earlier date, or the same date (weekly).
UPDATE "Notice"
SET "kind" = CASE
  WHEN (SELECT p."estimateTo" FROM "Notice" p
        WHERE p."shop" = "Notice"."shop" AND p."orderId" = "Notice"."orderId"
          AND p."revision" < "Notice"."revision" AND p."status" = 'sent'
        ORDER BY p."revision" DESC LIMIT 1) IS NULL THEN 'first'
  WHEN "estimateTo" > (SELECT p."estimateTo" FROM "Notice" p
        WHERE p."shop" = "Notice"."shop" AND p."orderId" = "Notice"."orderId"
          AND p."revision" < "Notice"."revision" AND p."status" = 'sent'
        ORDER BY p."revision" DESC LIMIT 1) THEN 'later'
  WHEN "estimateTo" < (SELECT p."estimateTo" FROM "Notice" p
        WHERE p."shop" = "Notice"."shop" AND p."orderId" = "Notice"."orderId"
          AND p."revision" < "Notice"."revision" AND p."status" = 'sent'
        ORDER BY p."revision" DESC LIMIT 1) THEN 'earlier'
  ELSE 'weekly'
END;
