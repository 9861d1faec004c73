-- Each notice says what it is (issue 13 point 3): the kind of every notice, and the merchants
-- wording per kind. Written by hand from Prismas diff: defaulted or nullable columns need no
-- table rebuild in SQLite.
ALTER TABLE "NoticeTemplate" ADD COLUMN "wordings" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "NoticeTemplate" ADD COLUMN "makeGood" TEXT;
ALTER TABLE "Notice" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'first';

-- Backfill from what each notice said: revision 1 was the first notice, a later one, against the
-- previous sent notices late end, was a later date, an earlier date, or the same date (weekly).
UPDATE "Notice"
SET "kind" = told."kind"
FROM (
  SELECT "id",
    CASE
      WHEN "previousTo" IS NULL THEN 'first'
      WHEN "estimateTo" > "previousTo" THEN 'later'
      WHEN "estimateTo" < "previousTo" THEN 'earlier'
      ELSE 'weekly'
    END AS "kind"
  FROM (
    SELECT "id", "estimateTo",
      LAG("estimateTo") OVER (PARTITION BY "shop", "orderId" ORDER BY "revision") AS "previousTo"
    FROM "Notice"
    WHERE "status" = 'sent'
  ) AS sent
) AS told
WHERE "Notice"."id" = told."id";
