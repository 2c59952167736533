-- Substring search of customer names and emails (support search): trigram GIN indexes.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "licenses_customer_name_trgm_idx" ON "licenses" USING gin ("customer_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "licenses_customer_email_trgm_idx" ON "licenses" USING gin ("customer_email" gin_trgm_ops);
