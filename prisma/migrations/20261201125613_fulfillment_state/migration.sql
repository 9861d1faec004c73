-- CreateTable
CREATE TABLE "OrderFulfillmentState" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "appFulfillBy" DATETIME,
    "appFulfillDate" TEXT,
    "deadlineSetAt" DATETIME,
    "pendingCancellation" TEXT,
    "holdIds" TEXT NOT NULL DEFAULT '[]',
    "heldAt" DATETIME,
    "releasedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "orderId")
);

