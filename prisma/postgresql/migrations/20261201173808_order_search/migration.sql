-- The orders page's search (issue 15): every word of the query must occur in the order's name,
-- email or the customer's first or last name (ILIKE '%word%', app/orders/list-orders.server.ts).
-- pg_trgm's GIN operator class serves LIKE and ILIKE with a pattern on both sides
-- (https://www.postgresql.org/docs/15/pgtrgm.html, "Index Support"). It is a contrib extension
-- that ships with PostgreSQL. The indexes hold what the column holds: a redacted email
-- (customers/redact sets it to NULL) leaves the index with the row's update, and the old entries
-- go with VACUUM like the row's old version.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "TrackedOrder_name_trgm_idx" ON "TrackedOrder" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TrackedOrder_email_trgm_idx" ON "TrackedOrder" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TrackedOrder_customerFirstName_trgm_idx" ON "TrackedOrder" USING GIN ("customerFirstName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "TrackedOrder_customerLastName_trgm_idx" ON "TrackedOrder" USING GIN ("customerLastName" gin_trgm_ops);

