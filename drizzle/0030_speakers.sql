CREATE TYPE "public"."speaker_shown_as" AS ENUM('name', 'organisation', 'attendee');--> statement-breakpoint
CREATE TYPE "public"."speaker_state" AS ENUM('waiting', 'speaking', 'spoke', 'withdrawn', 'not_reached');--> statement-breakpoint
CREATE TABLE "speaker_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"user_id" uuid,
	"membership_id" uuid,
	"shown_as" "speaker_shown_as" NOT NULL,
	"public_name" text,
	"position" integer NOT NULL,
	"state" "speaker_state" DEFAULT 'waiting' NOT NULL,
	"allowed_seconds" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "speaking_turn_seconds" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD COLUMN "current_agenda_item_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD COLUMN "current_item_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "speaker_requests" ADD CONSTRAINT "speaker_requests_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_requests" ADD CONSTRAINT "speaker_requests_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_requests" ADD CONSTRAINT "speaker_requests_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_requests" ADD CONSTRAINT "speaker_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_requests" ADD CONSTRAINT "speaker_requests_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "speaker_requests_meeting_id_agenda_item_id_position_index" ON "speaker_requests" USING btree ("meeting_id","agenda_item_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "speaker_requests_one_speaking" ON "speaker_requests" USING btree ("meeting_id") WHERE "speaker_requests"."state" = 'speaking';--> statement-breakpoint
CREATE UNIQUE INDEX "speaker_requests_one_open" ON "speaker_requests" USING btree ("meeting_id",coalesce("agenda_item_id"::text, ''),"user_id") WHERE "speaker_requests"."state" in ('waiting', 'speaking');--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_current_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("current_agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;