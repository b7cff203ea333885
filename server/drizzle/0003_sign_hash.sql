ALTER TABLE "signers" ADD COLUMN "sign_record" text;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "sign_hash" text;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "sign_key_id" uuid;--> statement-breakpoint
ALTER TABLE "signers" ADD CONSTRAINT "signers_sign_key_id_seal_keys_id_fk" FOREIGN KEY ("sign_key_id") REFERENCES "public"."seal_keys"("id") ON DELETE no action ON UPDATE no action;