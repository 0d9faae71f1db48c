ALTER TYPE "public"."group_role" ADD VALUE 'respondent';--> statement-breakpoint
ALTER TYPE "public"."answer_status" ADD VALUE 'written';--> statement-breakpoint
CREATE TABLE "written_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"question_id" uuid,
	"meeting_id" uuid,
	"membership_id" uuid,
	"text" text NOT NULL,
	"asked_by" uuid,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	CONSTRAINT "written_questions_questionId_unique" UNIQUE("question_id")
);
--> statement-breakpoint
CREATE TABLE "written_ratings" (
	"written_question_id" uuid NOT NULL,
	"rater_key" text NOT NULL,
	"verdict" "room_verdict" NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "written_ratings_written_question_id_rater_key_pk" PRIMARY KEY("written_question_id","rater_key")
);
--> statement-breakpoint
ALTER TABLE "written_questions" ADD CONSTRAINT "written_questions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_questions" ADD CONSTRAINT "written_questions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_questions" ADD CONSTRAINT "written_questions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_questions" ADD CONSTRAINT "written_questions_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_questions" ADD CONSTRAINT "written_questions_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_questions" ADD CONSTRAINT "written_questions_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_ratings" ADD CONSTRAINT "written_ratings_written_question_id_written_questions_id_fk" FOREIGN KEY ("written_question_id") REFERENCES "public"."written_questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "written_questions_group_id_due_on_index" ON "written_questions" USING btree ("group_id","due_on");