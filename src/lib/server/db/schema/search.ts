import { sql, type SQL } from 'drizzle-orm';
import { customType, index, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { meetings } from './meetings';

/** A PostgreSQL `tsvector`. */
export const tsvector = customType<{ data: string }>({
	dataType() {
		return 'tsvector';
	}
});

/** A PostgreSQL `regconfig`: the name of a text search configuration (`english`, `arabic`…). */
export const regconfig = customType<{ data: string }>({
	dataType() {
		return 'regconfig';
	}
});

/**
 * The languages documents are searched in (`search_language` in migration `search-languages`
 * picks one per text): English, French and Arabic by their stems, `simple` (any other language)
 * by exact words. Each has its own GIN index, so a query read in one language scans only the
 * documents written in it.
 */
export const searchLanguages = ['english', 'french', 'arabic', 'simple'] as const;
export type SearchLanguage = (typeof searchLanguages)[number];

export const searchKind = pgEnum('search_kind', ['minutes', 'agenda', 'question']);

/**
 * Everything the public can search, one row per document, kept right by database triggers
 * (migration `search-documents`) whoever writes: a published question, an agenda item, and the
 * latest published version of a meeting's minutes. The vector is generated from the body, so
 * ranking reads it instead of recomputing it, and one GIN index serves every kind.
 */
export const searchDocuments = pgTable(
	'search_documents',
	{
		kind: searchKind().notNull(),
		/** The question's or agenda item's id; the meeting's id for minutes. */
		refId: uuid().notNull(),
		meetingId: uuid()
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		body: text().notNull(),
		/** The agenda item's title; null for minutes and questions. */
		title: text(),
		/**
		 * The language the body is searched in, set by the database from the text and the group's
		 * language (`search_language`, migration `search-languages`): `english`, `french` and
		 * `arabic` find words by their stems, `simple` (any other language) by the exact word.
		 */
		language: regconfig()
			.notNull()
			.default(sql`'english'::regconfig`),
		vector: tsvector().generatedAlwaysAs(
			(): SQL => sql`to_tsvector(${searchDocuments.language}, ${searchDocuments.body})`
		)
	},
	(t) => [
		primaryKey({ columns: [t.kind, t.refId] }),
		...searchLanguages.map((language) =>
			index(`search_documents_vector_${language}`)
				.using('gin', t.vector)
				.where(sql.raw(`language = '${language}'::regconfig`))
		),
		index().on(t.meetingId)
	]
);

export type SearchDocument = typeof searchDocuments.$inferSelect;
export type SearchKind = (typeof searchKind.enumValues)[number];
