-- CreateIndex
CREATE INDEX "TrackedOrder_shop_promisedShipDate_id_idx" ON "TrackedOrder"("shop", "promisedShipDate", "id");

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_conservativeShipDate_id_idx" ON "TrackedOrder"("shop", "conservativeShipDate", "id");

