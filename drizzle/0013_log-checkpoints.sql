CREATE TABLE "checkpoint_countersignatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checkpoint_id" bigint NOT NULL,
	"membership_id" uuid NOT NULL,
	"organisation_name" text NOT NULL,
	"user_id" uuid NOT NULL,
	"countersigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkpoint_countersignatures_once" UNIQUE("checkpoint_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "log_checkpoints" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "log_checkpoints_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"group_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"head" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoint_countersignatures" ADD CONSTRAINT "checkpoint_countersignatures_checkpoint_id_log_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."log_checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_countersignatures" ADD CONSTRAINT "checkpoint_countersignatures_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_countersignatures" ADD CONSTRAINT "checkpoint_countersignatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "log_checkpoints" ADD CONSTRAINT "log_checkpoints_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "log_checkpoints_group_id_signed_at_index" ON "log_checkpoints" USING btree ("group_id","signed_at");--> statement-breakpoint
CREATE INDEX "log_checkpoints_group_id_size_index" ON "log_checkpoints" USING btree ("group_id","size");