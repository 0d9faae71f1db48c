CREATE TYPE "public"."search_kind" AS ENUM('minutes', 'agenda', 'question');--> statement-breakpoint
CREATE TABLE "search_documents" (
	"kind" "search_kind" NOT NULL,
	"ref_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"body" text NOT NULL,
	"title" text,
	"vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', "search_documents"."body")) STORED,
	CONSTRAINT "search_documents_kind_ref_id_pk" PRIMARY KEY("kind","ref_id")
);
--> statement-breakpoint
DROP INDEX "agenda_items_search";--> statement-breakpoint
DROP INDEX "questions_search";--> statement-breakpoint
DROP INDEX "minutes_versions_search";--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_vector" ON "search_documents" USING gin ("vector");--> statement-breakpoint
CREATE INDEX "search_documents_meeting_id_index" ON "search_documents" USING btree ("meeting_id");--> statement-breakpoint
ALTER TABLE "minutes_versions" DROP COLUMN "search_vector";--> statement-breakpoint
-- search_documents is kept right by the database, whoever writes: a question is searchable while
-- it is published, an agenda item always (its meeting's state is checked when searching), and a
-- meeting's minutes by their latest published version only.
CREATE FUNCTION search_documents_question() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		DELETE FROM search_documents WHERE kind = 'question' AND ref_id = OLD.id;
	ELSIF NEW.state = 'published' THEN
		INSERT INTO search_documents (kind, ref_id, meeting_id, body)
		VALUES ('question', NEW.id, NEW.meeting_id, NEW.text || ' ' || coalesce(NEW.answer_summary, ''))
		ON CONFLICT (kind, ref_id) DO UPDATE
			SET meeting_id = excluded.meeting_id, body = excluded.body;
	ELSE
		DELETE FROM search_documents WHERE kind = 'question' AND ref_id = NEW.id;
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER questions_search_document AFTER INSERT OR UPDATE OF text, answer_summary, state, meeting_id
	ON questions FOR EACH ROW EXECUTE FUNCTION search_documents_question();--> statement-breakpoint
CREATE TRIGGER questions_search_document_delete AFTER DELETE
	ON questions FOR EACH ROW EXECUTE FUNCTION search_documents_question();--> statement-breakpoint
CREATE FUNCTION search_documents_agenda_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		DELETE FROM search_documents WHERE kind = 'agenda' AND ref_id = OLD.id;
	ELSE
		INSERT INTO search_documents (kind, ref_id, meeting_id, body, title)
		VALUES ('agenda', NEW.id, NEW.meeting_id,
			NEW.title || ' ' || NEW.description || ' ' || coalesce(NEW.presenter, ''), NEW.title)
		ON CONFLICT (kind, ref_id) DO UPDATE
			SET meeting_id = excluded.meeting_id, body = excluded.body, title = excluded.title;
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER agenda_items_search_document AFTER INSERT OR UPDATE OF title, description, presenter, meeting_id
	ON agenda_items FOR EACH ROW EXECUTE FUNCTION search_documents_agenda_item();--> statement-breakpoint
CREATE TRIGGER agenda_items_search_document_delete AFTER DELETE
	ON agenda_items FOR EACH ROW EXECUTE FUNCTION search_documents_agenda_item();--> statement-breakpoint
-- Versions are never updated (minutes_versions_no_update), so a new version replaces the
-- meeting's one minutes document, unless a later version is already there.
CREATE FUNCTION search_documents_minutes_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM minutes_versions
			WHERE meeting_id = NEW.meeting_id AND version > NEW.version) THEN
		INSERT INTO search_documents (kind, ref_id, meeting_id, body)
		VALUES ('minutes', NEW.meeting_id, NEW.meeting_id, NEW.markdown)
		ON CONFLICT (kind, ref_id) DO UPDATE SET body = excluded.body;
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER minutes_versions_search_document AFTER INSERT
	ON minutes_versions FOR EACH ROW EXECUTE FUNCTION search_documents_minutes_version();--> statement-breakpoint
-- A removed version (only ever with its meeting, which removes the document too) leaves the
-- latest remaining one searchable, or none.
CREATE FUNCTION search_documents_minutes_version_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_documents SET body = latest.markdown
		FROM (SELECT markdown FROM minutes_versions WHERE meeting_id = OLD.meeting_id
			ORDER BY version DESC LIMIT 1) AS latest
		WHERE kind = 'minutes' AND ref_id = OLD.meeting_id AND body IS DISTINCT FROM latest.markdown;
	IF NOT EXISTS (SELECT 1 FROM minutes_versions WHERE meeting_id = OLD.meeting_id) THEN
		DELETE FROM search_documents WHERE kind = 'minutes' AND ref_id = OLD.meeting_id;
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER minutes_versions_search_document_delete AFTER DELETE
	ON minutes_versions FOR EACH ROW EXECUTE FUNCTION search_documents_minutes_version_removed();--> statement-breakpoint
-- What was already there.
INSERT INTO search_documents (kind, ref_id, meeting_id, body)
	SELECT 'question', id, meeting_id, text || ' ' || coalesce(answer_summary, '')
	FROM questions WHERE state = 'published';--> statement-breakpoint
INSERT INTO search_documents (kind, ref_id, meeting_id, body, title)
	SELECT 'agenda', id, meeting_id, title || ' ' || description || ' ' || coalesce(presenter, ''), title
	FROM agenda_items;--> statement-breakpoint
INSERT INTO search_documents (kind, ref_id, meeting_id, body)
	SELECT DISTINCT ON (meeting_id) 'minutes'::search_kind, meeting_id, meeting_id, markdown
	FROM minutes_versions ORDER BY meeting_id, version DESC;
