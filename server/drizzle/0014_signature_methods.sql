ALTER TABLE "processes" ADD COLUMN "signature_methods" jsonb DEFAULT '["button"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "drawing_sha256" text;