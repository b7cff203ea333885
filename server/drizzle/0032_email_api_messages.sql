CREATE TABLE "email_api_messages" (
	"process_id" uuid PRIMARY KEY NOT NULL,
	"sender" text NOT NULL,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_api_messages" ADD CONSTRAINT "email_api_messages_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_api_messages_sender_message_idx" ON "email_api_messages" USING btree ("sender","message_id");