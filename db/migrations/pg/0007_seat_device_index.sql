DROP INDEX "seats_license_device_idx";--> statement-breakpoint
CREATE INDEX "seats_license_device_idx" ON "seats" USING btree ("license_id","device_thumbprint","status","activated_at");