import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
import type { SearchKind } from '../db/schema';
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

type Row = {
	kind: SearchKind | null;
	ref_id: string;
	title: string | null;
	rank: number;
	slug: string;
	group_name: string;
	time_zone: string;
	number: number;
	meeting_title: string;
	starts_at: string;
	/** Every match, on every page; present on the one row of an empty page too. */
	total: number;
	headline: string;
};

/**
 * One page of results with their snippets, and the number of all matches, in one statement.
 * The documents come from `search_documents` through its GIN index; every match is ranked on
 * its stored vector (normalised by document length, so long minutes do not always win), and
 * only the page's rows get a `ts_headline`. The triggers keep only published questions and the
 * latest version of each meeting's minutes there; meetings that are drafts are left out here.
 */
export function searchStatement(query: SearchInput): SQL {
	const q = sql`websearch_to_tsquery('english', ${query.q})`;
	const meetingDate = sql`(m.starts_at at time zone g.time_zone)::date`;
	const filters = [
		sql`d.vector @@ ${q}`,
		sql`m.state <> 'draft'`,
		query.group ? sql`g.slug = ${query.group}` : undefined,
		query.from ? sql`${meetingDate} >= ${query.from}::date` : undefined,
		query.to ? sql`${meetingDate} <= ${query.to}::date` : undefined
	].filter((c): c is SQL => !!c);
	const offset = (query.page - 1) * searchPageSize;
	return sql`
		with matches as (
			select d.kind, d.ref_id, d.title, ts_rank(d.vector, ${q}, 1) as rank,
				g.slug, g.name as group_name, g.time_zone, m.number, m.title as meeting_title, m.starts_at
			from search_documents d
			join meetings m on m.id = d.meeting_id
			join groups g on g.id = m.group_id
			where ${sql.join(filters, sql` and `)}
		), shown as (
			select * from matches
			order by rank desc, starts_at desc, ref_id, kind
			limit ${searchPageSize} offset ${offset}
		)
		select shown.kind, shown.ref_id, shown.title, shown.rank::float8 as rank, shown.slug,
			shown.group_name, shown.time_zone, shown.number, shown.meeting_title,
			to_char(shown.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts_at,
			total.total::int as total,
			ts_headline('english', d.body, ${q}, case shown.kind
				when 'question' then ${headlineOptions.question}
				when 'minutes' then ${headlineOptions.minutes}
				else ${headlineOptions.agenda} end) as headline
		from (select count(*) as total from matches) as total
		left join shown on true
		left join search_documents d on d.kind = shown.kind and d.ref_id = shown.ref_id
		order by shown.rank desc, shown.starts_at desc, shown.ref_id, shown.kind`;
}

/**
 * Public full-text search across published minutes, agendas of public meetings and published
 * questions, best match first. Any text is a valid query (`websearch_to_tsquery` never raises);
 * empty or over-long input is refused with a field message.
 */
export async function searchPublic(db: Executor, input: unknown): Promise<SearchResults> {
	const query = parseInput(searchSchema, input);
	const all = rowsOf<Row>(await db.execute(searchStatement(query)));
	const total = Number(all[0]?.total ?? 0);
	const rows = all.filter((row) => row.kind !== null);
	return {
		query,
		results: rows.map((row) => ({
			kind: row.kind!,
			id: row.ref_id,
			title: row.title,
			group: { slug: row.slug, name: row.group_name, timeZone: row.time_zone },
			meeting: {
				number: Number(row.number),
				title: row.meeting_title,
				startsAt: new Date(row.starts_at).toISOString()
			},
			snippet: highlightedHtml(row.headline),
			url: urlOf(row.kind!, row.ref_id, row.slug, Number(row.number)),
			rank: Number(row.rank)
		})),
		total,
		page: query.page,
		pageCount: Math.min(searchMaxPage, Math.ceil(total / searchPageSize))
	};
}
