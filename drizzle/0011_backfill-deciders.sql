-- Who took each decision already on the record, so that nobody decides an appeal of their own
-- decision: the officer in the audit entry of the decision, or (refused while membership was
-- closed) the officer who closed it.
UPDATE "applications" AS a SET "decided_by" = l."actor_id"
FROM "audit_log" AS l
WHERE a."decided_by" IS NULL AND a."decision" IS NOT NULL AND NOT a."refused_while_closed"
	AND l."group_id" = a."group_id" AND l."subject" = a."id"::text
	AND l."action" IN ('application.accepted', 'application.refused');
--> statement-breakpoint
UPDATE "applications" AS a SET "decided_by" = (
	SELECT o."decided_by" FROM "membership_openings" AS o
	WHERE o."group_id" = a."group_id" AND NOT o."open" AND o."decided_at" <= a."decided_at"
	ORDER BY o."decided_at" DESC LIMIT 1
)
WHERE a."decided_by" IS NULL AND a."refused_while_closed";
--> statement-breakpoint
-- Appeals decided before the rule were decided by the chair; pending ones go to a vice-chair.
UPDATE "applications" SET "appeal_decider" = CASE WHEN "appeal_status" = 'pending'
	THEN 'vice_chair'::"appeal_decider" ELSE 'chair'::"appeal_decider" END
WHERE "appeal_status" IS NOT NULL;
