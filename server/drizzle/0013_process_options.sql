CREATE TABLE "signer_downloads" (
	"signer_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signer_downloads_signer_id_document_id_pk" PRIMARY KEY("signer_id","document_id")
);
--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "force_download" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "attachments_visible" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "sms_notifications" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "disclaimer_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signer_downloads" ADD CONSTRAINT "signer_downloads_signer_id_signers_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."signers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signer_downloads" ADD CONSTRAINT "signer_downloads_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;