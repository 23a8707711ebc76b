-- The agent's search box (lib/customers/search-customers.ts) as index lookups instead of a scan of every
-- customer per keystroke. pg_trgm is a trusted extension (PostgreSQL ≥ 13: the database owner may create it);
-- PGlite loads it in lib/db/backend.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- name ILIKE '%…%'
CREATE INDEX "Customer_name_trgm_idx" ON "Customer" USING gin ("name" gin_trgm_ops);
-- phone LIKE '%digits%'
CREATE INDEX "CustomerPhone_phone_trgm_idx" ON "CustomerPhone" USING gin ("phone" gin_trgm_ops);
-- username ILIKE 'prefix%'
CREATE INDEX "Login_username_trgm_idx" ON "Login" USING gin ("username" gin_trgm_ops);
-- document LIKE 'digits%' under any collation
CREATE INDEX "Customer_document_pattern_idx" ON "Customer" ("document" text_pattern_ops);
