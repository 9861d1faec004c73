-- The orders search for a word too short for a trigram (`zq`, `#1`, issue 15 point 2): no trigram
-- index can narrow it, so the LIKE is checked on every order of the shop. On SQLite it now reads
-- this index of the searched columns instead of the table's wide rows (a fraction of the pages,
-- app/orders/order-search.server.ts). It replaces (shop, name), which is its prefix.
-- DropIndex
DROP INDEX "TrackedOrder_shop_name_idx";

-- CreateIndex
CREATE INDEX "TrackedOrder_shop_search_columns_idx" ON "TrackedOrder"("shop", "name", "email", "customerFirstName", "customerLastName");

