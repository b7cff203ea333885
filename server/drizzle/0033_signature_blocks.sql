CREATE TABLE "signature_blocks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"process_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"document_ids" jsonb NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signer_emails" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"group_id" uuid,
	"group_name" text,
	"language" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"opened_at" timestamp with time zone,
	"signer_id" uuid,
	"signed_at" timestamp with time zone,
	"method" text,
	"ip" text,
	"user_agent" text,
	"sign_record" text,
	"sign_hash" text,
	"sign_key_id" uuid,
	"user_signing_key_id" uuid,
	"purpose" text,
	"drawing_sha256" text,
	"identity" jsonb
);
--> statement-breakpoint
ALTER TABLE "oidc_requests" ADD COLUMN "block_id" uuid;--> statement-breakpoint
ALTER TABLE "oidc_requests" ADD COLUMN "account_user_id" uuid;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "block_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "signature_blocks" ADD CONSTRAINT "signature_blocks_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_blocks" ADD CONSTRAINT "signature_blocks_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_blocks" ADD CONSTRAINT "signature_blocks_signer_id_signers_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."signers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_blocks" ADD CONSTRAINT "signature_blocks_sign_key_id_seal_keys_id_fk" FOREIGN KEY ("sign_key_id") REFERENCES "public"."seal_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_blocks" ADD CONSTRAINT "signature_blocks_user_signing_key_id_user_signing_keys_id_fk" FOREIGN KEY ("user_signing_key_id") REFERENCES "public"."user_signing_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signature_blocks_process_position_idx" ON "signature_blocks" USING btree ("process_id","position");