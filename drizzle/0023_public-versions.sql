CREATE TABLE "public_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_versions" (
	"scope" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "public_changes_scope_index" ON "public_changes" USING btree ("scope");