DROP INDEX "licenses_expires_idx";--> statement-breakpoint
CREATE INDEX "licenses_customer_name_idx" ON "licenses" USING btree (lower("customer_name"),"id");--> statement-breakpoint
CREATE INDEX "licenses_status_idx" ON "licenses" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "licenses_expires_idx" ON "licenses" USING btree ("expires_at","id");