CREATE TYPE "public"."appeals_by" AS ENUM('vice_chair', 'panel');--> statement-breakpoint
CREATE TYPE "public"."appointment_end" AS ENUM('resignation', 'removal', 'term');--> statement-breakpoint
CREATE TYPE "public"."appeal_decider" AS ENUM('chair', 'vice_chair', 'panel', 'site_admin');--> statement-breakpoint
CREATE TYPE "public"."panel_vote" AS ENUM('upheld', 'overturned');--> statement-breakpoint
ALTER TYPE "public"."group_role" ADD VALUE 'vice_chair' BEFORE 'secretary';--> statement-breakpoint
CREATE TABLE "appeal_panellists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"user_id" uuid,
	"drawn_at" timestamp with time zone NOT NULL,
	"recused_at" timestamp with time zone,
	"recusal_reason" text,
	"vote" "panel_vote",
	"vote_reason" text,
	"voted_at" timestamp with time zone,
	CONSTRAINT "appeal_panellists_once" UNIQUE("application_id","membership_id")
);
--> statement-breakpoint
ALTER TABLE "group_roles" ADD COLUMN "ended_how" "appointment_end";--> statement-breakpoint
ALTER TABLE "group_roles" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "groups" ADD COLUMN "appeals_by" "appeals_by" DEFAULT 'vice_chair' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "appeal_decider" "appeal_decider";--> statement-breakpoint
ALTER TABLE "appeal_panellists" ADD CONSTRAINT "appeal_panellists_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_panellists" ADD CONSTRAINT "appeal_panellists_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_panellists" ADD CONSTRAINT "appeal_panellists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;