-- CreateTable
CREATE TABLE "WaitlistSignup" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT,
    "consentText" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "dueAt" DATETIME,
    "messageId" TEXT,
    "rawMessage" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "mailedAt" DATETIME,
    "unsubscribedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "WaitlistSignup_shop_status_idx" ON "WaitlistSignup"("shop", "status");

-- CreateIndex
CREATE INDEX "WaitlistSignup_status_leaseUntil_idx" ON "WaitlistSignup"("status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistSignup_shop_email_key" ON "WaitlistSignup"("shop", "email");

