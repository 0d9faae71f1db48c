CREATE TYPE "public"."motion_majority" AS ENUM('simple', 'two_thirds');--> statement-breakpoint
CREATE TYPE "public"."motion_quorum" AS ENUM('none', 'third', 'half', 'two_thirds');--> statement-breakpoint
CREATE TYPE "public"."motion_outcome" AS ENUM('carried', 'lost', 'no_quorum');--> statement-breakpoint
CREATE TYPE "public"."motion_state" AS ENUM('proposed', 'scheduled', 'voting', 'decided', 'declined');--> statement-breakpoint
CREATE TYPE "public"."motion_vote" AS ENUM('for', 'against', 'abstain');--> statement-breakpoint
CREATE TABLE "motion_votes" (
	"motion_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"vote" "motion_vote" NOT NULL,
	"cast_by" uuid,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "motion_votes_one_per_organisation" UNIQUE("motion_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "motions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"amendment_of" uuid,
	"proposed_by" uuid,
	"membership_id" uuid,
	"proposed_as" "group_role",
	"seconder_membership_id" uuid,
	"seconded_by" uuid,
	"seconded_at" timestamp with time zone,
	"state" "motion_state" DEFAULT 'proposed' NOT NULL,
	"decline_reason" text,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"vote_opened_at" timestamp with time zone,
	"vote_closed_at" timestamp with time zone,
	"eligible" integer,
	"votes_for" integer,
	"votes_against" integer,
	"abstentions" integer,
	"quorum_needed" integer,
	"quorum_met" boolean,
	"outcome" "motion_outcome",
	CONSTRAINT "motions_meeting_number" UNIQUE("meeting_id","number"),
	CONSTRAINT "motions_proposer" CHECK (("motions"."membership_id" is null) <> ("motions"."proposed_as" is null)),
	CONSTRAINT "motions_seconder_differs" CHECK ("motions"."seconder_membership_id" is distinct from "motions"."membership_id" or "motions"."seconder_membership_id" is null)
);
--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "motion_quorum" "motion_quorum" DEFAULT 'third' NOT NULL;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "motion_majority" "motion_majority" DEFAULT 'simple' NOT NULL;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_motion_id_motions_id_fk" FOREIGN KEY ("motion_id") REFERENCES "public"."motions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motion_votes" ADD CONSTRAINT "motion_votes_cast_by_users_id_fk" FOREIGN KEY ("cast_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_amendment_of_motions_id_fk" FOREIGN KEY ("amendment_of") REFERENCES "public"."motions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_seconder_membership_id_memberships_id_fk" FOREIGN KEY ("seconder_membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_seconded_by_users_id_fk" FOREIGN KEY ("seconded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "motions" ADD CONSTRAINT "motions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "motions_group_id_index" ON "motions" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "motions_amendment_of_index" ON "motions" USING btree ("amendment_of");