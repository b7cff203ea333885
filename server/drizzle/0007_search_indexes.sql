-- Trigram indexes for the keyword filter of the process list (ILIKE '%word%' on titles and email addresses).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS processes_title_trgm_idx ON processes USING gin (title gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS signers_email_trgm_idx ON signers USING gin (email gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS users_email_trgm_idx ON users USING gin (email gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS signers_process_status_idx ON signers (process_id, status);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS processes_created_idx ON processes (created_at DESC, id DESC);
