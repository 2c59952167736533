CREATE TABLE `sign_in_failures` (
	`email` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`last_failed_at` integer NOT NULL,
	PRIMARY KEY(`email`, `address`)
);
--> statement-breakpoint
CREATE INDEX `sign_in_failures_last_failed_idx` ON `sign_in_failures` (`last_failed_at`);