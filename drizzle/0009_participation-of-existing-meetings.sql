-- Meetings made before participation rules existed keep working as they did: open to anyone
-- with the link. New meetings default to the room code (0008).
UPDATE "meetings" SET "participation" = 'open';
