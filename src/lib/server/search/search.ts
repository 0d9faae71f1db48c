import { sql, type SQL } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { rowsOf, type Executor } from '../db';
import { versionsOn } from '../public-cache/versions';
import { searchLanguages, type SearchKind, type SearchLanguage } from '../db/schema';
import { parseInput } from '../validation';
import { searchMaxPage, searchPageSize, searchSchema, type SearchInput } from '$lib/schemas/search';
import { headlineOptions, highlightedHtml } from './highlight';

export type { SearchKind };

export type SearchResult = {
	kind: SearchKind;
	id: string;
	/** The agenda item's title; null for minutes and questions. */
	title: string | null;
	group: { slug: string; name: string; timeZone: string };
	meeting: { number: number; title: string; startsAt: string };
	/** Safe HTML: escaped text with the matched words in `<mark>`. */
	snippet: string;
	url: string;
	rank: number;
};

export type SearchResults = {
	query: SearchInput;
	results: SearchResult[];
	/** Every match. */
	total: number;
	page: number;
	/** Pages of matches, at most `searchMaxPage`. */
	pageCount: number;
};

/** Where a result is read in full. */
function urlOf(kind: SearchKind, id: string, slug: string, number: number) {
	const meeting = `/g/${slug}/meetings/${number}`;
	if (kind === 'minutes') return `${meeting}/minutes`;
	if (kind === 'agenda') return `${meeting}#item-${id}`;
	return `${meeting}/live#q-${id}`;
}

/** A ranked match, without its snippet. */
type Match = {
	kind: SearchKind;
	ref_id: string;
	title: string | null;
	rank: number;
	slug: string;
	group_name: string;
	time_zone: string;
	number: number;
	meeting_title: string;
	starts_at: string;
};

/** Every match counted, and the best ones that any page may show, in rank order. */
type Ranked = { total: number; best: Match[] };

/** The query as a language reads it: its words stemmed, and its stop words dropped, that way. */
const queryIn = (language: SearchLanguage, query: SearchInput) =>
	sql`websearch_to_tsquery(${sql.raw(`'${language}'::regconfig`)}, ${query.q})`;

/**
 * Whether a document matches: the query read in the document's own language, so a query in one
 * language never changes how another's documents are matched. One condition per language, each
 * answered by that language's GIN index (schema/search.ts).
 */
const matching = (query: SearchInput) =>
	sql`(${sql.join(
		searchLanguages.map(
			(language) =>
				sql`(d.language = ${sql.raw(`'${language}'::regconfig`)} and d.vector @@ ${queryIn(language, query)})`
		),
		sql` or `
	)})`;

/** The query in the document's language, for ranking and snippets. */
const queryInItsLanguage = (query: SearchInput) =>
	sql`(case d.language ${sql.join(
		searchLanguages.map(
			(language) =>
				sql`when ${sql.raw(`'${language}'::regconfig`)} then ${queryIn(language, query)}`
		),
		sql` `
	)} end)`;

/**
 * Every match ranked and counted, and the best `searchMaxPage` pages of them, in one statement.
 * The documents come from `search_documents` through its GIN index; every match is ranked on
 * its stored vector (normalised by document length, so long minutes do not always win). The
 * triggers keep only published questions and the latest version of each meeting's minutes
 * there; meetings that are drafts are left out here.
 */
export function rankingStatement(query: SearchInput): SQL {
	const meetingDate = sql`(m.starts_at at time zone g.time_zone)::date`;
	const filters = [
		matching(query),
		sql`m.state <> 'draft'`,
		query.group ? sql`g.slug = ${query.group}` : undefined,
		query.from ? sql`${meetingDate} >= ${query.from}::date` : undefined,
		query.to ? sql`${meetingDate} <= ${query.to}::date` : undefined
	].filter((c): c is SQL => !!c);
	return sql`
		with matches as (
			select d.kind, d.ref_id, d.title, ts_rank(d.vector, ${queryInItsLanguage(query)}, 1) as rank,
				g.slug, g.name as group_name, g.time_zone, m.number, m.title as meeting_title, m.starts_at
			from search_documents d
			join meetings m on m.id = d.meeting_id
			join groups g on g.id = m.group_id
			where ${sql.join(filters, sql` and `)}
		), best as (
			select * from matches
			order by rank desc, starts_at desc, ref_id, kind
			limit ${searchMaxPage * searchPageSize}
		)
		select best.kind, best.ref_id, best.title, best.rank::float8 as rank, best.slug,
			best.group_name, best.time_zone, best.number, best.meeting_title,
			to_char(best.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts_at,
			total.total::int as total
		from (select count(*) as total from matches) as total
		left join best on true
		order by best.rank desc, best.starts_at desc, best.ref_id, best.kind`;
}

/** The snippets of one page's matches: `ts_headline` on those documents only. */
function snippetsStatement(query: SearchInput, shown: Match[]): SQL {
	const keys = shown.map((m) => sql`(${m.kind}::search_kind, ${m.ref_id}::uuid)`);
	return sql`
		select d.kind, d.ref_id, ts_headline(d.language, d.body, ${queryInItsLanguage(query)}, case d.kind
			when 'question' then ${headlineOptions.question}
			when 'minutes' then ${headlineOptions.minutes}
			else ${headlineOptions.agenda} end) as headline
		from search_documents d
		where (d.kind, d.ref_id) in (${sql.join(keys, sql`, `)})`;
}

async function rank(db: Executor, query: SearchInput): Promise<Ranked> {
	const rows = rowsOf<Match & { kind: SearchKind | null; total: number }>(
		await db.execute(rankingStatement(query))
	);
	return { total: Number(rows[0]?.total ?? 0), best: rows.filter((row) => row.kind !== null) };
}

/**
 * Ranking every match of a common word is most of a search's cost (`police` matches one
 * document in five). Such rankings are kept, per database, while nothing public changed: the
 * site's public version (public-cache/versions.ts) is read first, and a ranking is used only if
 * it was made at that version, so it is never older than what the database holds. Any page of
 * the query then costs only its snippets.
 */
const keptFrom = 1_000;
const keptQueries = 32;
const kept = new WeakMap<Executor, LRUCache<string, Ranked & { versions: string }>>();

async function ranked(db: Executor, query: SearchInput): Promise<Ranked> {
	if (db instanceof PgTransaction) return rank(db, query);
	const key = JSON.stringify([query.q, query.group, query.from, query.to]);
	const versions = await versionsOn(db, null);
	let rankings = kept.get(db);
	const found = rankings?.get(key);
	if (found?.versions === versions) return found;
	const fresh = await rank(db, query);
	if (fresh.total >= keptFrom) {
		if (!rankings) kept.set(db, (rankings = new LRUCache({ max: keptQueries })));
		rankings.set(key, { ...fresh, versions });
	}
	return fresh;
}

/**
 * Public full-text search across published minutes, agendas of public meetings and published
 * questions, best match first. Any text is a valid query (`websearch_to_tsquery` never raises);
 * empty or over-long input is refused with a field message.
 */
export async function searchPublic(db: Executor, input: unknown): Promise<SearchResults> {
	const query = parseInput(searchSchema, input);
	const { total, best } = await ranked(db, query);
	const offset = (query.page - 1) * searchPageSize;
	const shown = best.slice(offset, offset + searchPageSize);
	const snippets = new Map(
		shown.length === 0
			? []
			: rowsOf<{ kind: SearchKind; ref_id: string; headline: string }>(
					await db.execute(snippetsStatement(query, shown))
				).map((row) => [`${row.kind}:${row.ref_id}`, row.headline])
	);
	return {
		query,
		results: shown.map((row) => ({
			kind: row.kind,
			id: row.ref_id,
			title: row.title,
			group: { slug: row.slug, name: row.group_name, timeZone: row.time_zone },
			meeting: {
				number: Number(row.number),
				title: row.meeting_title,
				startsAt: new Date(row.starts_at).toISOString()
			},
			snippet: highlightedHtml(snippets.get(`${row.kind}:${row.ref_id}`) ?? ''),
			url: urlOf(row.kind, row.ref_id, row.slug, Number(row.number)),
			rank: Number(row.rank)
		})),
		total,
		page: query.page,
		pageCount: Math.min(searchMaxPage, Math.ceil(total / searchPageSize))
	};
}
