CREATE TABLE "directory_syncs" (
	"source" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_result" jsonb,
	"delta_link" text
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "directory_source" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "directory_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "users_directory_account" ON "users" USING btree ("directory_source","directory_id");