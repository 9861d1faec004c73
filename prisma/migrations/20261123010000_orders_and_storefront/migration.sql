-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "rules" TEXT NOT NULL,
    "senderName" TEXT,
    "senderRole" TEXT,
    "tagOrders" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT
);

-- CreateTable
CREATE TABLE "TrackedOrder" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "closedAt" DATETIME,
    "displayFulfillmentStatus" TEXT NOT NULL,
    "displayFinancialStatus" TEXT,
    "email" TEXT,
    "customerFirstName" TEXT,
    "customerLastName" TEXT,
    "totalAmount" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "unitsOrdered" INTEGER NOT NULL,
    "unitsRemaining" INTEGER NOT NULL,
    "fulfillBy" DATETIME,
    "lineItems" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "promisedShipDate" TEXT,
    "promiseSource" TEXT,
    "likelyShipDate" TEXT,
    "conservativeShipDate" TEXT,
    "delayClass" TEXT,
    "forecastAt" DATETIME,
    "syncedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "shop" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "webhookId")
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "watermark" DATETIME,
    "ordersImported" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StorefrontState" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL DEFAULT 'normal',
    "estimateMin" INTEGER,
    "estimateMax" INTEGER,
    "estimateUnit" TEXT,
    "pausedUntil" DATETIME,
    "message" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ModeChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "fromMode" TEXT NOT NULL,
    "toMode" TEXT NOT NULL,
    "pausedUntil" DATETIME,
    "actorId" TEXT,
    "actorName" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_delayClass_createdAt_idx" ON "TrackedOrder"("shop", "delayClass", "createdAt");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_createdAt_idx" ON "TrackedOrder"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_name_idx" ON "TrackedOrder"("shop", "name");

-- CreateIndex
CREATE INDEX "WebhookReceipt_receivedAt_idx" ON "WebhookReceipt"("receivedAt");

-- CreateIndex
CREATE INDEX "OrderSync_shop_startedAt_idx" ON "OrderSync"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "ModeChange_shop_createdAt_idx" ON "ModeChange"("shop", "createdAt");

