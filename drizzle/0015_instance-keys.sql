CREATE TABLE "instance_keys" (
	"public_key" text PRIMARY KEY NOT NULL,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "instance_keys_one_active" ON "instance_keys" USING btree (("retired_at" is null)) WHERE "instance_keys"."retired_at" is null;