CREATE TABLE "representative_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "representative_invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_representative_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "memberships_representative_id_index";--> statement-breakpoint
ALTER TABLE "representative_invitations" ADD CONSTRAINT "representative_invitations_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_invitations" ADD CONSTRAINT "representative_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_invitations" ADD CONSTRAINT "representative_invitations_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_invitations" ADD CONSTRAINT "representative_invitations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "representative_invitations_application_id_index" ON "representative_invitations" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "representative_invitations_email_index" ON "representative_invitations" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "representatives_current" ON "representatives" USING btree ("application_id","user_id") WHERE "representatives"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "representatives_user_id_index" ON "representatives" USING btree ("user_id");--> statement-breakpoint
-- Backfill (written by hand): the applicant of every application, and the representative of
-- every membership, become its first representatives, before the membership's column goes.
INSERT INTO "representatives" ("application_id", "user_id", "added_at")
SELECT DISTINCT ON (x.application_id, x.user_id) x.application_id, x.user_id, x.added_at
FROM (
	SELECT "id" AS application_id, "applicant_id" AS user_id, "submitted_at" AS added_at
	FROM "applications" WHERE "applicant_id" IS NOT NULL
	UNION ALL
	SELECT "application_id", "representative_id", "started_at"
	FROM "memberships" WHERE "representative_id" IS NOT NULL
) x
ORDER BY x.application_id, x.user_id, x.added_at;--> statement-breakpoint
ALTER TABLE "memberships" DROP COLUMN "representative_id";