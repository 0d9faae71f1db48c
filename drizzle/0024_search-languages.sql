ALTER TABLE "groups" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "language" "regconfig" DEFAULT 'english'::regconfig NOT NULL;--> statement-breakpoint
DROP INDEX "search_documents_vector";--> statement-breakpoint
ALTER TABLE "search_documents" DROP COLUMN "vector";--> statement-breakpoint
-- The text search configuration of a site locale: the languages whose stems are searched.
CREATE FUNCTION search_config_of(locale text) RETURNS regconfig
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE locale WHEN 'en' THEN 'english' WHEN 'fr' THEN 'french' WHEN 'ar' THEN 'arabic'
		ELSE 'simple' END::regconfig
$$;--> statement-breakpoint
-- The language a text is searched in. Mostly Arabic letters: arabic. No Latin or Arabic letters
-- (another script): simple, exact words. Latin letters: french or english by which language's
-- common short words it uses more (words other Latin-script languages share, like "la" and
-- "de", are left out); with no such sign (a short question), the group's language when that is
-- English or French, else simple. Cheap enough for a trigger: a few regular expressions.
CREATE FUNCTION search_language(body text, fallback regconfig) RETURNS regconfig
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	WITH letters AS (
		SELECT length(regexp_replace(body, '[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]', '', 'g')) AS arabic,
			length(regexp_replace(body, '[^A-Za-z\u00C0-\u024F]', '', 'g')) AS latin
	), words AS (
		SELECT count(*) FILTER (WHERE w IN ('le', 'les', 'des', 'du', 'au', 'aux', 'est', 'et',
				'une', 'pour', 'dans', 'que', 'qui', 'pas', 'sur', 'nous', 'vous', 'ils', 'elle', 'ce',
				'cette', 'ces', 'sont', 'avec', 'ont', 'été', 'mais', 'leur', 'leurs', 'être', 'quand',
				'pourquoi', 'comment', 'combien')) AS french,
			count(*) FILTER (WHERE w IN ('the', 'and', 'is', 'of', 'to', 'that', 'for', 'with', 'are',
				'not', 'was', 'were', 'this', 'be', 'have', 'has', 'by', 'they', 'we', 'you', 'it',
				'will', 'what', 'why', 'how', 'when', 'who', 'which', 'their', 'from')) AS english
		FROM regexp_split_to_table(lower(body), '[^a-z\u00C0-\u024F'']+') AS w
	)
	SELECT CASE
		WHEN letters.arabic > letters.latin THEN 'arabic'::regconfig
		WHEN letters.latin = 0 THEN 'simple'::regconfig
		WHEN words.french > words.english THEN 'french'::regconfig
		WHEN words.english > words.french THEN 'english'::regconfig
		WHEN fallback IN ('english'::regconfig, 'french'::regconfig) THEN fallback
		ELSE 'simple'::regconfig
	END
	FROM letters, words
$$;--> statement-breakpoint
CREATE FUNCTION search_documents_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	NEW.language := search_language(NEW.body, coalesce((
		SELECT search_config_of(g.language) FROM meetings m JOIN groups g ON g.id = m.group_id
		WHERE m.id = NEW.meeting_id), 'english'::regconfig));
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER search_documents_language BEFORE INSERT OR UPDATE OF body, meeting_id
	ON search_documents FOR EACH ROW EXECUTE FUNCTION search_documents_language();--> statement-breakpoint
-- A group that declares another language: its documents are searched again in what it implies.
CREATE FUNCTION search_documents_group_language() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE search_documents d SET language = search_language(d.body, search_config_of(NEW.language))
		FROM meetings m WHERE m.id = d.meeting_id AND m.group_id = NEW.id;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER groups_search_language AFTER UPDATE OF language ON groups FOR EACH ROW
	WHEN (OLD.language IS DISTINCT FROM NEW.language)
	EXECUTE FUNCTION search_documents_group_language();--> statement-breakpoint
-- What was already there (every group's language is English until one says otherwise).
UPDATE search_documents SET language = search_language(body, 'english'::regconfig);--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "vector" "tsvector" GENERATED ALWAYS AS (to_tsvector("search_documents"."language", "search_documents"."body")) STORED;--> statement-breakpoint
-- One index per language: a query read in one language scans only the documents written in it.
CREATE INDEX "search_documents_vector_english" ON "search_documents" USING gin ("vector") WHERE language = 'english'::regconfig;--> statement-breakpoint
CREATE INDEX "search_documents_vector_french" ON "search_documents" USING gin ("vector") WHERE language = 'french'::regconfig;--> statement-breakpoint
CREATE INDEX "search_documents_vector_arabic" ON "search_documents" USING gin ("vector") WHERE language = 'arabic'::regconfig;--> statement-breakpoint
CREATE INDEX "search_documents_vector_simple" ON "search_documents" USING gin ("vector") WHERE language = 'simple'::regconfig;
