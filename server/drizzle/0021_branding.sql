CREATE TABLE "branding" (
	"id" integer PRIMARY KEY NOT NULL,
	"logo_sha256" text,
	"logo_content_type" text,
	"custom_css" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone
);
