CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_signer_id" uuid NOT NULL,
	"to_signer_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_from_signer_id_signers_id_fk" FOREIGN KEY ("from_signer_id") REFERENCES "public"."signers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_to_signer_id_signers_id_fk" FOREIGN KEY ("to_signer_id") REFERENCES "public"."signers"("id") ON DELETE cascade ON UPDATE no action;