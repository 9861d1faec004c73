-- DropIndex
DROP INDEX "TrackedOrder_shop_delayClass_createdAt_idx";

-- DropIndex
DROP INDEX "TrackedOrder_shop_promisedShipDate_id_idx";

-- DropIndex
DROP INDEX "TrackedOrder_shop_conservativeShipDate_id_idx";

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_delayClass_createdAt_id_idx" ON "TrackedOrder"("shop", "delayClass", "createdAt", "id");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_delayClass_promisedShipDate_id_idx" ON "TrackedOrder"("shop", "delayClass", "promisedShipDate", "id");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_delayClass_conservativeShipDate_id_idx" ON "TrackedOrder"("shop", "delayClass", "conservativeShipDate", "id");

