CREATE TABLE "file_room_processes" (
	"process_id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"folder" text NOT NULL,
	"request_hash" text NOT NULL,
	"delivery_id" uuid NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "file_room_processes_request_hash_unique" UNIQUE("request_hash")
);
--> statement-breakpoint
CREATE TABLE "file_rooms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"callback_url" text NOT NULL,
	"secret_encrypted" text NOT NULL,
	"sender_id" uuid NOT NULL,
	"allowed_ips" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone,
	CONSTRAINT "file_rooms_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "file_room_processes" ADD CONSTRAINT "file_room_processes_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_room_processes" ADD CONSTRAINT "file_room_processes_room_id_file_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."file_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_rooms" ADD CONSTRAINT "file_rooms_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;