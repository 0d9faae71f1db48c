ALTER TABLE "meetings" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
-- Meetings started before this column: when they went live, from their audit entry.
UPDATE "meetings" m SET "started_at" = (
	SELECT min(a."at") FROM "audit_log" a
	WHERE a."group_id" = m."group_id" AND a."action" = 'meeting.live' AND a."subject" = m."number"::text
) WHERE m."state" IN ('live', 'closed');
