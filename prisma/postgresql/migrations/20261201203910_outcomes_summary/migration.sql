-- CreateTable
CREATE TABLE "OutcomeWeek" (
    "shop" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "total" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "OutcomeWeek_pkey" PRIMARY KEY ("shop","week","metric","currency")
);

-- CreateTable
CREATE TABLE "OrderOutcome" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lateAt" TIMESTAMP(3),
    "lateWeek" TEXT,
    "noticedAt" TIMESTAMP(3),
    "choice" TEXT,
    "choiceWeek" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "OrderOutcome_pkey" PRIMARY KEY ("shop","orderId")
);

