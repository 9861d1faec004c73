-- CreateTable
CREATE TABLE "OrderFulfillmentState" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "appFulfillBy" TIMESTAMP(3),
    "appFulfillDate" TEXT,
    "deadlineSetAt" TIMESTAMP(3),
    "pendingCancellation" TEXT,
    "holdIds" TEXT NOT NULL DEFAULT '[]',
    "heldAt" TIMESTAMP(3),
    "releasedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderFulfillmentState_pkey" PRIMARY KEY ("shop","orderId")
);

