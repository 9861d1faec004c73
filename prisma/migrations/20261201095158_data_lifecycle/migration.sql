-- CreateTable
CREATE TABLE "ShopInstall" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyRequestId" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "customerPhone" TEXT,
    "ordersRequested" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "downloadedAt" DATETIME,
    "downloadedBy" TEXT,
    "downloadedByName" TEXT
);

-- CreateIndex
CREATE INDEX "DataRequest_shop_receivedAt_idx" ON "DataRequest"("shop", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_shop_shopifyRequestId_key" ON "DataRequest"("shop", "shopifyRequestId");


-- Shops installed before this migration: their sessions are the only record that they are installed.
INSERT INTO "ShopInstall" ("shop", "installedAt") SELECT DISTINCT "shop", CURRENT_TIMESTAMP FROM "Session";
