CREATE TABLE "recipient_certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"subject" text NOT NULL,
	"fingerprint256" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recipient_certificates_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "report_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"process_id" uuid NOT NULL,
	"url" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sender_address" text DEFAULT '' NOT NULL,
	"signatures_page" text DEFAULT 'in_pdf' NOT NULL,
	"page_position" text DEFAULT 'last' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"email_recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"post_urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"format" text DEFAULT 'json' NOT NULL,
	"hmac_secret_encrypted" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "report_templates_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "secure_download_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"download_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "secure_downloads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"process_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"phone" text,
	"token_hash" text NOT NULL,
	"code_channel" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "secure_downloads_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_download_codes" ADD CONSTRAINT "secure_download_codes_download_id_secure_downloads_id_fk" FOREIGN KEY ("download_id") REFERENCES "public"."secure_downloads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secure_downloads" ADD CONSTRAINT "secure_downloads_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_deliveries_process_url_idx" ON "report_deliveries" USING btree ("process_id","url");--> statement-breakpoint
CREATE INDEX "secure_download_codes_download_idx" ON "secure_download_codes" USING btree ("download_id","created_at");--> statement-breakpoint
CREATE INDEX "secure_downloads_process_idx" ON "secure_downloads" USING btree ("process_id");