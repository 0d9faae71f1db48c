ALTER TABLE "motions" ADD COLUMN "original_text" text;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "amended_text" text;--> statement-breakpoint
ALTER TABLE "motions" ADD COLUMN "amends_text" text;