-- CreateTable
CREATE TABLE "OutcomeWeek" (
    "shop" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,
    "total" REAL NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "week", "metric", "currency")
);

-- CreateTable
CREATE TABLE "OrderOutcome" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "lateAt" DATETIME,
    "lateWeek" TEXT,
    "noticedAt" DATETIME,
    "choice" TEXT,
    "choiceWeek" TEXT,
    "finishedAt" DATETIME,

    PRIMARY KEY ("shop", "orderId")
);

