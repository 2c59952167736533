CREATE TABLE `rate_limit_windows` (
	`key` text NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`key`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `rate_limit_windows_start_idx` ON `rate_limit_windows` (`window_start`);--> statement-breakpoint
CREATE TABLE `seat_counts_daily` (
	`day` text NOT NULL,
	`shard` integer NOT NULL,
	`activated` integer DEFAULT 0 NOT NULL,
	`deactivated` integer DEFAULT 0 NOT NULL,
	`released` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `shard`)
);
--> statement-breakpoint
DROP INDEX `licenses_plan_idx`;--> statement-breakpoint
ALTER TABLE `licenses` ADD `seats_active` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `licenses_key_prefix_idx` ON `licenses` (`key_prefix`);--> statement-breakpoint
CREATE INDEX `licenses_created_idx` ON `licenses` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `licenses_status_created_idx` ON `licenses` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `licenses_expires_idx` ON `licenses` (`expires_at`);--> statement-breakpoint
CREATE INDEX `licenses_plan_idx` ON `licenses` (`plan_id`,`created_at`,`id`);--> statement-breakpoint
DROP INDEX `seats_license_status_idx`;--> statement-breakpoint
CREATE INDEX `seats_hostname_idx` ON `seats` (lower("hostname"));--> statement-breakpoint
CREATE INDEX `seats_status_grace_idx` ON `seats` (`status`,`grace_ends_at`);--> statement-breakpoint
CREATE INDEX `seats_license_status_idx` ON `seats` (`license_id`,`status`,`activated_at`,`id`);--> statement-breakpoint
UPDATE `licenses` SET `seats_active` = (SELECT count(*) FROM `seats` WHERE `seats`.`license_id` = `licenses`.`id` AND `seats`.`status` = 'active');--> statement-breakpoint
INSERT INTO `seat_counts_daily` (`day`, `shard`, `activated`, `deactivated`, `released`)
SELECT `day`, 0, sum(`a`), sum(`d`), sum(`r`) FROM (
  SELECT strftime('%Y-%m-%d', `activated_at`, 'unixepoch') AS `day`, 1 AS `a`, 0 AS `d`, 0 AS `r` FROM `seats`
  UNION ALL SELECT strftime('%Y-%m-%d', `released_at`, 'unixepoch'), 0, 1, 0 FROM `seats` WHERE `status` = 'deactivated' AND `released_at` IS NOT NULL
  UNION ALL SELECT strftime('%Y-%m-%d', `released_at`, 'unixepoch'), 0, 0, 1 FROM `seats` WHERE `status` = 'released' AND `released_at` IS NOT NULL
) GROUP BY `day`;--> statement-breakpoint
CREATE VIRTUAL TABLE `licenses_fts` USING fts5(`customer_name`, `customer_email`, content='licenses', content_rowid='rowid', tokenize='trigram');--> statement-breakpoint
INSERT INTO `licenses_fts` (`licenses_fts`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `licenses_fts_insert` AFTER INSERT ON `licenses` BEGIN
  INSERT INTO `licenses_fts` (`rowid`, `customer_name`, `customer_email`) VALUES (new.`rowid`, new.`customer_name`, new.`customer_email`);
END;--> statement-breakpoint
CREATE TRIGGER `licenses_fts_delete` AFTER DELETE ON `licenses` BEGIN
  INSERT INTO `licenses_fts` (`licenses_fts`, `rowid`, `customer_name`, `customer_email`) VALUES ('delete', old.`rowid`, old.`customer_name`, old.`customer_email`);
END;--> statement-breakpoint
CREATE TRIGGER `licenses_fts_update` AFTER UPDATE OF `customer_name`, `customer_email` ON `licenses` BEGIN
  INSERT INTO `licenses_fts` (`licenses_fts`, `rowid`, `customer_name`, `customer_email`) VALUES ('delete', old.`rowid`, old.`customer_name`, old.`customer_email`);
  INSERT INTO `licenses_fts` (`rowid`, `customer_name`, `customer_email`) VALUES (new.`rowid`, new.`customer_name`, new.`customer_email`);
END;
