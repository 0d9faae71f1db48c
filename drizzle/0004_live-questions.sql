CREATE TYPE "public"."answer_status" AS ENUM('open', 'answered', 'partly_answered', 'not_answered', 'declined', 'deferred', 'not_reached');--> statement-breakpoint
CREATE TYPE "public"."question_mode" AS ENUM('open', 'premoderated');--> statement-breakpoint
CREATE TYPE "public"."question_source" AS ENUM('app', 'floor');--> statement-breakpoint
CREATE TYPE "public"."question_state" AS ENUM('pending', 'published', 'rejected', 'merged', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."rejection_reason" AS ENUM('off_topic', 'abusive', 'duplicate', 'personal_data');--> statement-breakpoint
CREATE TYPE "public"."room_verdict" AS ENUM('answered', 'partly_answered', 'not_answered');--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"question_id" uuid,
	"owner" text NOT NULL,
	"description" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_live" (
	"meeting_id" uuid PRIMARY KEY NOT NULL,
	"mode" "question_mode" DEFAULT 'open' NOT NULL,
	"question_cap" integer DEFAULT 3 NOT NULL,
	"pinned_question_id" uuid,
	"seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "question_ratings" (
	"question_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"verdict" "room_verdict" NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_ratings_question_id_voter_key_pk" PRIMARY KEY("question_id","voter_key")
);
--> statement-breakpoint
CREATE TABLE "question_votes" (
	"question_id" uuid NOT NULL,
	"voter_key" text NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "question_votes_question_id_voter_key_pk" PRIMARY KEY("question_id","voter_key")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agenda_item_id" uuid,
	"text" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"asker_user_id" uuid,
	"asker_name" text,
	"asker_key" text,
	"source" "question_source" DEFAULT 'app' NOT NULL,
	"state" "question_state" NOT NULL,
	"rejection_reason" "rejection_reason",
	"rejection_note" text,
	"merged_into_id" uuid,
	"answer_status" "answer_status" DEFAULT 'open' NOT NULL,
	"answer_summary" text,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"moderated_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_live" ADD CONSTRAINT "meeting_live_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_ratings" ADD CONSTRAINT "question_ratings_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_votes" ADD CONSTRAINT "question_votes_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_asker_user_id_users_id_fk" FOREIGN KEY ("asker_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_meeting_id_index" ON "commitments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "questions_meeting_id_state_index" ON "questions" USING btree ("meeting_id","state");