-- Every meeting has its live row from the start (made with the meeting since this version): a
-- change counted on it is then an update, never an insert. The first change to a meeting used
-- to insert the row, and that insert's check that the meeting exists waited for the meeting's
-- row: a new room code (which holds the meeting's row, then counts its change) and a first
-- unpinning at the same moment each waited for the other (a deadlock, on PostgreSQL).
INSERT INTO "meeting_live" ("meeting_id") SELECT "id" FROM "meetings" ON CONFLICT DO NOTHING;
