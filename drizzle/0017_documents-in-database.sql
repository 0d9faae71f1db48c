CREATE TABLE "agenda_document_files" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_document_files" ADD CONSTRAINT "agenda_document_files_document_id_agenda_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."agenda_documents"("id") ON DELETE cascade ON UPDATE no action;