-- PostgreSQL twin of the SQLite migration of the same name: Prisma diff, then the same backfill.
ALTER TABLE "NoticeTemplate" ADD COLUMN     "makeGood" TEXT,
ADD COLUMN     "wordings" TEXT NOT NULL DEFAULT '{}';

ALTER TABLE "Notice" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'first';

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
