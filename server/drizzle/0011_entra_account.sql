ALTER TABLE "users" ADD COLUMN "entra_object_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "entra_tenant_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_entra_account" ON "users" USING btree ("entra_tenant_id","entra_object_id");