CREATE TABLE `blocked_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`license_id` text NOT NULL,
	`seat_id` text,
	`device_thumbprint` text NOT NULL,
	`fingerprint` text NOT NULL,
	`hostname` text DEFAULT '' NOT NULL,
	`reason` text NOT NULL,
	`blocked_at` integer NOT NULL,
	`blocked_by` text NOT NULL,
	`unblocked_at` integer,
	`unblocked_by` text,
	FOREIGN KEY (`license_id`) REFERENCES `licenses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seat_id`) REFERENCES `seats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `blocked_devices_license_idx` ON `blocked_devices` (`license_id`,`unblocked_at`);--> statement-breakpoint
CREATE TABLE `revocation_sequence` (
	`id` text PRIMARY KEY NOT NULL,
	`sequence` integer NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seat_fingerprint_history` (
	`id` text PRIMARY KEY NOT NULL,
	`seat_id` text NOT NULL,
	`old_fingerprint` text NOT NULL,
	`new_fingerprint` text NOT NULL,
	`rebound_at` integer NOT NULL,
	FOREIGN KEY (`seat_id`) REFERENCES `seats`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seat_fingerprint_history_seat_idx` ON `seat_fingerprint_history` (`seat_id`,`rebound_at`);--> statement-breakpoint
CREATE INDEX `seats_license_device_idx` ON `seats` (`license_id`,`device_thumbprint`);