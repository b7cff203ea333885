ALTER TABLE "documents" ADD COLUMN "verification_code" text;--> statement-breakpoint
CREATE INDEX "documents_sha256_idx" ON "documents" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "documents_final_sha256_idx" ON "documents" USING btree ("final_sha256");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_verification_code_unique" UNIQUE("verification_code");