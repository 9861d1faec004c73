-- AlterTable
ALTER TABLE "Notice" ADD COLUMN "language" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_NoticeTemplate" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "replyTo" TEXT NOT NULL,
    "wordings" TEXT NOT NULL DEFAULT '{}',
    "makeGood" TEXT,
    "translations" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);
INSERT INTO "new_NoticeTemplate" ("body", "makeGood", "reason", "replyTo", "shop", "subject", "updatedAt", "updatedBy", "wordings") SELECT "body", "makeGood", "reason", "replyTo", "shop", "subject", "updatedAt", "updatedBy", "wordings" FROM "NoticeTemplate";
DROP TABLE "NoticeTemplate";
ALTER TABLE "new_NoticeTemplate" RENAME TO "NoticeTemplate";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

