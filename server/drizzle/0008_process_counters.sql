ALTER TABLE "processes" ADD COLUMN "signer_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "signed_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "document_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "processes" p SET
  "signer_count" = (SELECT count(*) FROM "signers" s WHERE s."process_id" = p."id"),
  "signed_count" = (SELECT count(*) FROM "signers" s WHERE s."process_id" = p."id" AND s."status" = 'signed'),
  "document_count" = (SELECT count(*) FROM "documents" d WHERE d."process_id" = p."id" AND d."kind" = 'document');
