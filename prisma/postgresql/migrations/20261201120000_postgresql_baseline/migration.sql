-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL,
    "rules" TEXT NOT NULL,
    "senderName" TEXT,
    "senderRole" TEXT,
    "tagOrders" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "TrackedOrder" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "displayFulfillmentStatus" TEXT NOT NULL,
    "displayFinancialStatus" TEXT,
    "email" TEXT,
    "customerFirstName" TEXT,
    "customerLastName" TEXT,
    "totalAmount" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "presentmentAmount" TEXT,
    "presentmentCurrencyCode" TEXT,
    "customerLocale" TEXT,
    "unitsOrdered" INTEGER NOT NULL,
    "unitsRemaining" INTEGER NOT NULL,
    "fulfillBy" TIMESTAMP(3),
    "lineItems" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '[]',
    "promisedShipDate" TEXT,
    "promiseSource" TEXT,
    "likelyShipDate" TEXT,
    "conservativeShipDate" TEXT,
    "delayClass" TEXT,
    "forecastAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackedOrder_pkey" PRIMARY KEY ("shop","id")
);

-- CreateTable
CREATE TABLE "WebhookReceipt" (
    "shop" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookReceipt_pkey" PRIMARY KEY ("shop","topic","eventId")
);

-- CreateTable
CREATE TABLE "OrderSync" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "bulkOperationId" TEXT,
    "watermark" TIMESTAMP(3),
    "ordersImported" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OrderSync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StorefrontState" (
    "shop" TEXT NOT NULL,
    "mode" TEXT NOT NULL DEFAULT 'normal',
    "estimateMin" INTEGER,
    "estimateMax" INTEGER,
    "estimateUnit" TEXT,
    "pausedUntil" TIMESTAMP(3),
    "message" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "pauseEndFailedFor" TIMESTAMP(3),
    "pauseEndFailures" INTEGER NOT NULL DEFAULT 0,
    "pauseEndRetryAt" TIMESTAMP(3),
    "pauseEndError" TEXT,

    CONSTRAINT "StorefrontState_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ModeChange" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "fromMode" TEXT NOT NULL,
    "toMode" TEXT NOT NULL,
    "pausedUntil" TIMESTAMP(3),
    "actorId" TEXT,
    "actorName" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobItem" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "amount" TEXT,
    "result" TEXT,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "detail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeTemplate" (
    "shop" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "replyTo" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT,

    CONSTRAINT "NoticeTemplate_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "jobId" TEXT,
    "revision" INTEGER NOT NULL,
    "estimateFrom" TEXT NOT NULL,
    "estimateTo" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "messageId" TEXT,
    "error" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerChoice" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "noticeId" TEXT,
    "chosenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerChoice_pkey" PRIMARY KEY ("shop","orderId")
);

-- CreateTable
CREATE TABLE "ShopInstall" (
    "shop" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),

    CONSTRAINT "ShopInstall_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyRequestId" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "customerPhone" TEXT,
    "ordersRequested" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "downloadedAt" TIMESTAMP(3),
    "downloadedBy" TEXT,
    "downloadedByName" TEXT,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_delayClass_createdAt_idx" ON "TrackedOrder"("shop", "delayClass", "createdAt");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_createdAt_idx" ON "TrackedOrder"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_name_idx" ON "TrackedOrder"("shop", "name");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_promisedShipDate_id_idx" ON "TrackedOrder"("shop", "promisedShipDate", "id");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_conservativeShipDate_id_idx" ON "TrackedOrder"("shop", "conservativeShipDate", "id");

-- CreateIndex
CREATE INDEX "WebhookReceipt_receivedAt_idx" ON "WebhookReceipt"("receivedAt");

-- CreateIndex
CREATE INDEX "OrderSync_shop_startedAt_idx" ON "OrderSync"("shop", "startedAt");

-- CreateIndex
CREATE INDEX "ModeChange_shop_createdAt_idx" ON "ModeChange"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "Job_shop_createdAt_idx" ON "Job"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "Job_status_idx" ON "Job"("status");

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_idempotencyKey_key" ON "JobItem"("idempotencyKey");

-- CreateIndex
CREATE INDEX "JobItem_jobId_status_idx" ON "JobItem"("jobId", "status");

-- CreateIndex
CREATE INDEX "JobItem_shop_orderId_idx" ON "JobItem"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "JobItem_jobId_orderId_key" ON "JobItem"("jobId", "orderId");

-- CreateIndex
CREATE INDEX "OrderEvent_shop_orderId_createdAt_idx" ON "OrderEvent"("shop", "orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_shop_orderId_idx" ON "Notice"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Notice_shop_sentAt_idx" ON "Notice"("shop", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_shop_orderId_revision_key" ON "Notice"("shop", "orderId", "revision");

-- CreateIndex
CREATE INDEX "DataRequest_shop_receivedAt_idx" ON "DataRequest"("shop", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_shop_shopifyRequestId_key" ON "DataRequest"("shop", "shopifyRequestId");

