-- CreateTable
CREATE TABLE "WaitlistSignup" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT,
    "consentText" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "dueAt" TIMESTAMP(3),
    "messageId" TEXT,
    "rawMessage" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "mailedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WaitlistSignup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitlistSignup_shop_status_idx" ON "WaitlistSignup"("shop", "status");

-- CreateIndex
CREATE INDEX "WaitlistSignup_status_leaseUntil_idx" ON "WaitlistSignup"("status", "leaseUntil");

-- CreateIndex
CREATE UNIQUE INDEX "WaitlistSignup_shop_email_key" ON "WaitlistSignup"("shop", "email");

