CREATE TABLE "blocked_devices" (
	"id" text PRIMARY KEY NOT NULL,
	"license_id" text NOT NULL,
	"seat_id" text,
	"device_thumbprint" text NOT NULL,
	"fingerprint" text NOT NULL,
	"hostname" text DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"blocked_at" timestamp with time zone NOT NULL,
	"blocked_by" text NOT NULL,
	"unblocked_at" timestamp with time zone,
	"unblocked_by" text
);
--> statement-breakpoint
CREATE TABLE "revocation_sequence" (
	"id" text PRIMARY KEY NOT NULL,
	"sequence" integer NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seat_fingerprint_history" (
	"id" text PRIMARY KEY NOT NULL,
	"seat_id" text NOT NULL,
	"old_fingerprint" text NOT NULL,
	"new_fingerprint" text NOT NULL,
	"rebound_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blocked_devices" ADD CONSTRAINT "blocked_devices_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blocked_devices" ADD CONSTRAINT "blocked_devices_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seat_fingerprint_history" ADD CONSTRAINT "seat_fingerprint_history_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blocked_devices_license_idx" ON "blocked_devices" USING btree ("license_id","unblocked_at");--> statement-breakpoint
CREATE INDEX "seat_fingerprint_history_seat_idx" ON "seat_fingerprint_history" USING btree ("seat_id","rebound_at");--> statement-breakpoint
CREATE INDEX "seats_license_device_idx" ON "seats" USING btree ("license_id","device_thumbprint");