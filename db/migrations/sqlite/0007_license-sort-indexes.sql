DROP INDEX `licenses_expires_idx`;--> statement-breakpoint
CREATE INDEX `licenses_customer_name_idx` ON `licenses` (lower("customer_name"),`id`);--> statement-breakpoint
CREATE INDEX `licenses_status_idx` ON `licenses` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `licenses_expires_idx` ON `licenses` (`expires_at`,`id`);