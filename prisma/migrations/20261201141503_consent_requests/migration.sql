-- CreateTable
CREATE TABLE "ConsentRequest" (
    "shop" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "ruleSet" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "reason" TEXT,
    "delayDays" INTEGER,
    "revisedDate" TEXT,
    "deadline" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "answeredAt" DATETIME,
    "reviewSince" DATETIME,
    "resolvedAt" DATETIME,
    "resolvedBy" TEXT,
    "cancelJobId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "noticeId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "rules" TEXT NOT NULL,
    "senderName" TEXT,
    "senderRole" TEXT,
    "tagOrders" BOOLEAN NOT NULL DEFAULT false,
    "noticeCadenceDays" INTEGER NOT NULL DEFAULT 7,
    "consentRuleSet" TEXT NOT NULL DEFAULT 'ftc',
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);
INSERT INTO "new_ShopSettings" ("noticeCadenceDays", "rules", "senderName", "senderRole", "shop", "tagOrders", "updatedAt", "updatedBy") SELECT "noticeCadenceDays", "rules", "senderName", "senderRole", "shop", "tagOrders", "updatedAt", "updatedBy" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ConsentRequest_shop_status_idx" ON "ConsentRequest"("shop", "status");

-- CreateIndex
CREATE INDEX "ConsentRequest_shop_orderId_idx" ON "ConsentRequest"("shop", "orderId");

