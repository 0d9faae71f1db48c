-- Every group now gets the default membership categories when it is created (the list used to be
-- added on a group's first read). Groups created before that get them here.
INSERT INTO "membership_categories" ("group_id", "name", "position")
SELECT "groups"."id", "defaults"."name", "defaults"."position"
FROM "groups"
CROSS JOIN (VALUES
	('Refugee community organisation', 0),
	('Migrant rights', 1),
	('Faith group', 2),
	('Women''s network', 3),
	('Legal advice', 4),
	('Other', 5)
) AS "defaults" ("name", "position")
WHERE NOT EXISTS (
	SELECT 1 FROM "membership_categories" WHERE "membership_categories"."group_id" = "groups"."id"
);
