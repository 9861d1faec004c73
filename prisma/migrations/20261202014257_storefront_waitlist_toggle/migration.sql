-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StorefrontState" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "mode" TEXT NOT NULL DEFAULT 'normal',
    "estimateMin" INTEGER,
    "estimateMax" INTEGER,
    "estimateUnit" TEXT,
    "pausedUntil" DATETIME,
    "message" TEXT,
    "heldItems" TEXT NOT NULL DEFAULT '[]',
    "waitlist" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" DATETIME NOT NULL,
    "pauseEndFailedFor" DATETIME,
    "pauseEndFailures" INTEGER NOT NULL DEFAULT 0,
    "pauseEndRetryAt" DATETIME,
    "pauseEndError" TEXT
);
INSERT INTO "new_StorefrontState" ("estimateMax", "estimateMin", "estimateUnit", "heldItems", "message", "mode", "pauseEndError", "pauseEndFailedFor", "pauseEndFailures", "pauseEndRetryAt", "pausedUntil", "shop", "updatedAt") SELECT "estimateMax", "estimateMin", "estimateUnit", "heldItems", "message", "mode", "pauseEndError", "pauseEndFailedFor", "pauseEndFailures", "pauseEndRetryAt", "pausedUntil", "shop", "updatedAt" FROM "StorefrontState";
DROP TABLE "StorefrontState";
ALTER TABLE "new_StorefrontState" RENAME TO "StorefrontState";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

