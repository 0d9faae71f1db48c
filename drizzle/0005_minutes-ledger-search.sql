CREATE TYPE "public"."commitment_status" AS ENUM('open', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."correction_state" AS ENUM('submitted', 'accepted', 'declined');--> statement-breakpoint
CREATE TABLE "minutes" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"draft" text NOT NULL,
	"published_version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"draft_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"draft_updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "minutes_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"organisation_name" text,
	"text" text NOT NULL,
	"state" "correction_state" DEFAULT 'submitted' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"amended_in_version" integer,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes_versions" (
	"meeting_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"markdown" text NOT NULL,
	"change_note" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_by_name" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', "minutes_versions"."markdown")) STORED,
	CONSTRAINT "minutes_versions_meeting_id_version_pk" PRIMARY KEY("meeting_id","version")
);
--> statement-breakpoint
ALTER TABLE "commitments" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "commitments" ALTER COLUMN "status" SET DATA TYPE "public"."commitment_status" USING "status"::"public"."commitment_status";--> statement-breakpoint
ALTER TABLE "commitments" ALTER COLUMN "status" SET DEFAULT 'open'::"public"."commitment_status";--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "correction_window_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "status_note" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes" ADD CONSTRAINT "minutes_draft_updated_by_users_id_fk" FOREIGN KEY ("draft_updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_corrections" ADD CONSTRAINT "minutes_corrections_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_corrections" ADD CONSTRAINT "minutes_corrections_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_corrections" ADD CONSTRAINT "minutes_corrections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "minutes_versions" ADD CONSTRAINT "minutes_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "minutes_corrections_meeting_id_state_index" ON "minutes_corrections" USING btree ("meeting_id","state");--> statement-breakpoint
CREATE INDEX "minutes_versions_search" ON "minutes_versions" USING gin ("search_vector");--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_items_search" ON "agenda_items" USING gin (to_tsvector('english', "title" || ' ' || "description" || ' ' || coalesce("presenter", '')));--> statement-breakpoint
CREATE INDEX "commitments_status_due_on_index" ON "commitments" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "questions_search" ON "questions" USING gin (to_tsvector('english', "text" || ' ' || coalesce("answer_summary", '')));--> statement-breakpoint
-- A published version of the minutes is never changed: an amendment is a new version.
CREATE FUNCTION minutes_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'a published version of the minutes cannot be changed'
		USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER minutes_versions_no_update BEFORE UPDATE ON minutes_versions
	FOR EACH ROW EXECUTE FUNCTION minutes_versions_immutable();
