-- A signed checkpoint is never changed or removed, by the app or anyone else (the same refusal
-- as the decision log's own).
CREATE TRIGGER log_checkpoints_no_update_or_delete BEFORE UPDATE OR DELETE ON log_checkpoints
	FOR EACH ROW EXECUTE FUNCTION decision_log_append_only();--> statement-breakpoint
CREATE TRIGGER log_checkpoints_no_truncate BEFORE TRUNCATE ON log_checkpoints
	FOR EACH STATEMENT EXECUTE FUNCTION decision_log_append_only();
