DROP INDEX "audit_log_group_id_at_index";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "request_key" uuid;--> statement-breakpoint
CREATE INDEX "audit_log_group_id_id_index" ON "audit_log" USING btree ("group_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_group_id_action_index" ON "audit_log" USING btree ("group_id","action");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_requestKey_unique" UNIQUE("request_key");