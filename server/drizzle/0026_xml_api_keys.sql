CREATE TABLE "user_signing_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"private_key_encrypted" text NOT NULL,
	"public_key_pem" text NOT NULL,
	"certificate_pem" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "xml_api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"allowed_ips" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "xml_api_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "xml_api_processes" (
	"process_id" uuid PRIMARY KEY NOT NULL,
	"api_key_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seal_keys" ADD COLUMN "chain_pem" text;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "user_signing_key_id" uuid;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "user_signing_keys" ADD CONSTRAINT "user_signing_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xml_api_keys" ADD CONSTRAINT "xml_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xml_api_processes" ADD CONSTRAINT "xml_api_processes_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "xml_api_processes" ADD CONSTRAINT "xml_api_processes_api_key_id_xml_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."xml_api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signers" ADD CONSTRAINT "signers_user_signing_key_id_user_signing_keys_id_fk" FOREIGN KEY ("user_signing_key_id") REFERENCES "public"."user_signing_keys"("id") ON DELETE no action ON UPDATE no action;