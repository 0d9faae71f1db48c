-- The decision log is append-only: no row may be changed or removed, by the app or anyone else.
CREATE FUNCTION decision_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'the decision log is append-only: % is not allowed', TG_OP
		USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER decision_log_no_update_or_delete BEFORE UPDATE OR DELETE ON decision_log
	FOR EACH ROW EXECUTE FUNCTION decision_log_append_only();--> statement-breakpoint
CREATE TRIGGER decision_log_no_truncate BEFORE TRUNCATE ON decision_log
	FOR EACH STATEMENT EXECUTE FUNCTION decision_log_append_only();
