ALTER TABLE "meetings" ADD COLUMN "stream_url" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "recording_url" text;