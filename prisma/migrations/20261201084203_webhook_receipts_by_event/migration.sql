-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WebhookReceipt" (
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "topic", "eventId")
);
-- Receipts written before event ids were recorded keep their webhook id in eventId: they never
-- match a new delivery and are forgotten after a week (forgetOldWebhookReceipts).
INSERT INTO "new_WebhookReceipt" ("receivedAt", "shop", "topic", "eventId", "webhookId") SELECT "receivedAt", "shop", "topic", "webhookId", "webhookId" FROM "WebhookReceipt";
DROP TABLE "WebhookReceipt";
ALTER TABLE "new_WebhookReceipt" RENAME TO "WebhookReceipt";
CREATE INDEX "WebhookReceipt_receivedAt_idx" ON "WebhookReceipt"("receivedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

