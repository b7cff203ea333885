ALTER TABLE "signers" ADD COLUMN "organization" text;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "job_title" text;