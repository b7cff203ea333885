ALTER TABLE "processes" ADD COLUMN "allow_sign_and_forward" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "processes" ADD COLUMN "allow_forward" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signers" ADD COLUMN "forwarded_to" uuid;