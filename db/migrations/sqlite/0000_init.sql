CREATE TABLE `audit_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`license_id` text,
	`details` text DEFAULT '{}' NOT NULL,
	`ip` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_license_idx` ON `audit_events` (`license_id`);--> statement-breakpoint
CREATE INDEX `audit_events_action_idx` ON `audit_events` (`action`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_label`);--> statement-breakpoint
CREATE TABLE `encryption_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`public_jwk` text NOT NULL,
	`private_jwk_encrypted` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`retired_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `instance_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `license_files` (
	`id` text PRIMARY KEY NOT NULL,
	`seat_id` text NOT NULL,
	`license_id` text NOT NULL,
	`kind` text NOT NULL,
	`kid` text NOT NULL,
	`encrypted` integer NOT NULL,
	`issued_at` integer NOT NULL,
	`lease_ends_at` integer NOT NULL,
	`grace_seconds` integer NOT NULL,
	`issued_by` text NOT NULL,
	FOREIGN KEY (`seat_id`) REFERENCES `seats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `license_files_seat_idx` ON `license_files` (`seat_id`);--> statement-breakpoint
CREATE INDEX `license_files_license_idx` ON `license_files` (`license_id`);--> statement-breakpoint
CREATE TABLE `licenses` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_encrypted` text NOT NULL,
	`key_prefix` text NOT NULL,
	`key_suffix` text NOT NULL,
	`customer_name` text DEFAULT '' NOT NULL,
	`customer_email` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`suspended_reason` text,
	`expires_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `licenses_key_hash_unique` ON `licenses` (`key_hash`);--> statement-breakpoint
CREATE INDEX `licenses_plan_idx` ON `licenses` (`plan_id`);--> statement-breakpoint
CREATE INDEX `licenses_customer_email_idx` ON `licenses` (`customer_email`);--> statement-breakpoint
CREATE INDEX `licenses_key_suffix_idx` ON `licenses` (`key_suffix`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`offline_ttl_seconds` integer NOT NULL,
	`grace_seconds` integer NOT NULL,
	`seat_limit` integer NOT NULL,
	`max_requested_duration_seconds` integer,
	`features` text DEFAULT '[]' NOT NULL,
	`encrypt_license_files` integer DEFAULT true NOT NULL,
	`reclaim_lapsed_seats` integer DEFAULT true NOT NULL,
	`archived_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_product_slug_unique` ON `plans` (`product_id`,`slug`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE TABLE `seats` (
	`id` text PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`device_public_jwk` text NOT NULL,
	`device_thumbprint` text NOT NULL,
	`hostname` text DEFAULT '' NOT NULL,
	`os` text DEFAULT '' NOT NULL,
	`app_version` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`activated_at` integer NOT NULL,
	`last_issued_at` integer NOT NULL,
	`lease_ends_at` integer NOT NULL,
	`grace_ends_at` integer NOT NULL,
	`released_at` integer,
	`release_reason` text,
	`released_by` text,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seats_license_status_idx` ON `seats` (`license_id`,`status`);--> statement-breakpoint
CREATE INDEX `seats_fingerprint_idx` ON `seats` (`fingerprint`);--> statement-breakpoint
CREATE UNIQUE INDEX `seats_active_fingerprint_unique` ON `seats` (`license_id`,`fingerprint`) WHERE status = 'active';--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`kid` text PRIMARY KEY NOT NULL,
	`public_jwk` text NOT NULL,
	`private_jwk_encrypted` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`retired_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE TABLE `support_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `support_notes_license_idx` ON `support_notes` (`license_id`);--> statement-breakpoint
CREATE TABLE `usage_records` (
	`id` text PRIMARY KEY NOT NULL,
	`seat_id` text NOT NULL,
	`license_id` text NOT NULL,
	`counters` text NOT NULL,
	`reported_at` integer NOT NULL,
	FOREIGN KEY (`seat_id`) REFERENCES `seats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `usage_records_license_idx` ON `usage_records` (`license_id`);--> statement-breakpoint
CREATE TABLE `used_nonces` (
	`jti` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`seat_id` text,
	`used_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`disabled_at` integer,
	`last_login_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);