import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaItemDocument, agendaItems, questionDocument, questions } from '../db/schema';
import { parseInput } from '../validation';
import { searchMaxPage, searchPageSize, searchSchema, type SearchInput } from '$lib/schemas/search';
import { headlineOptions, highlightedHtml } from './highlight';

export type SearchKind = 'minutes' | 'agenda' | 'question';

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
	/** Pages of ranked matches (at most `candidatesPerKind` of each kind). */
	pageCount: number;
};

/** Where a result is read in full. */
function urlOf(kind: SearchKind, id: string, slug: string, number: number) {
	const meeting = `/g/${slug}/meetings/${number}`;
	if (kind === 'minutes') return `${meeting}/minutes`;
	if (kind === 'agenda') return `${meeting}#item-${id}`;
	return `${meeting}/live#q-${id}`;
}

/**
 * Ranking needs each matching document's vector, and only the minutes store one: questions and
 * agenda items are indexed on an expression, so ranking them recomputes it. To keep a very
 * common word fast, each kind ranks at most this many matches, the most recent meetings' first
 * (the count still covers every match).
 */
export const candidatesPerKind = 100;

type Row = {
	kind: SearchKind | null;
	id: string;
	title: string | null;
	rank: number;
	slug: string;
	group_name: string;
	time_zone: string;
	number: number;
	meeting_title: string;
	starts_at: string;
	total: number;
	/** How many of them are ranked (and so can be paged through). */
	ranked_total: number;
	headline: string;
};

/**
 * One page of results with their snippets, and the number of all matches, in one statement.
 * Each kind's matches are taken first, alone, as the index finds them (`materialized`; the
 * caller turns sequential scans and hash joins off): the minutes'
 * stored `search_vector` and the exact expressions the GIN indexes of questions and agenda
 * items are built on (`questionDocument`, `agendaItemDocument`). Only the latest published
 * version of each meeting's minutes, published questions and meetings that are not drafts count.
 */
export function searchStatement(query: SearchInput): SQL {
	const q = sql`websearch_to_tsquery('english', ${query.q})`;
	const meetingDate = sql`(meetings.starts_at at time zone groups.time_zone)::date`;
	const filters = sql.join(
		[
			sql`meetings.state <> 'draft'`,
			query.group ? sql`groups.slug = ${query.group}` : undefined,
			query.from ? sql`${meetingDate} >= ${query.from}::date` : undefined,
			query.to ? sql`${meetingDate} <= ${query.to}::date` : undefined
		].filter((c): c is SQL => !!c),
		sql` and `
	);
	const meetingColumns = sql`groups.slug, groups.name as group_name, groups.time_zone,
		meetings.number, meetings.title as meeting_title, meetings.starts_at`;
	const inMeeting = (meetingId: SQL) =>
		sql`join meetings on meetings.id = ${meetingId} join groups on groups.id = meetings.group_id`;
	const offset = (query.page - 1) * searchPageSize;
	const newest = (alias: string, n: number) =>
		sql.raw(`(select * from ${alias} order by starts_at desc limit ${n}) as ${alias}`);
	return sql`
		with matched_minutes as materialized (
			select meeting_id, version from minutes_versions where search_vector @@ ${q}
		), matched_agenda as materialized (
			select id from agenda_items where ${agendaItemDocument(agendaItems)} @@ ${q}
		), matched_questions as materialized (
			select id from questions where ${questionDocument(questions)} @@ ${q} and state = 'published'
		), found_minutes as (
			select matched_minutes.meeting_id as key, matched_minutes.version, ${meetingColumns}
			from matched_minutes ${inMeeting(sql`matched_minutes.meeting_id`)}
			where ${filters} and not exists (select 1 from minutes_versions newer
				where newer.meeting_id = matched_minutes.meeting_id and newer.version > matched_minutes.version)
		), found_agenda as (
			select agenda_items.id as key, ${meetingColumns} from matched_agenda
			join agenda_items using (id) ${inMeeting(sql`agenda_items.meeting_id`)}
			where ${filters}
		), found_questions as (
			select questions.id as key, ${meetingColumns} from matched_questions
			join questions using (id) ${inMeeting(sql`questions.meeting_id`)}
			where ${filters}
		), counts as (
			select (select count(*) from found_minutes) as m, (select count(*) from found_agenda) as a,
				(select count(*) from found_questions) as q
		), total as (
			select m + a + q as total,
				least(m, ${candidatesPerKind}) + least(a, ${candidatesPerKind}) + least(q, ${candidatesPerKind}) as ranked
			from counts
		), candidates as (
			select 'minutes'::text as kind, found_minutes.key::text as id, null::text as title,
				minutes_versions.markdown as body, minutes_versions.search_vector as vector,
				slug, group_name, time_zone, number, meeting_title, starts_at
			from ${newest('found_minutes', candidatesPerKind)}
			join minutes_versions on minutes_versions.meeting_id = found_minutes.key
				and minutes_versions.version = found_minutes.version
			union all
			select 'agenda', found_agenda.key::text, agenda_items.title,
				agenda_items.title || ' ' || agenda_items.description || ' ' || coalesce(agenda_items.presenter, ''),
				null::tsvector, slug, group_name, time_zone, number, meeting_title, starts_at
			from ${newest('found_agenda', candidatesPerKind)}
			join agenda_items on agenda_items.id = found_agenda.key
			union all
			select 'question', found_questions.key::text, null,
				questions.text || ' ' || coalesce(questions.answer_summary, ''),
				null::tsvector, slug, group_name, time_zone, number, meeting_title, starts_at
			from ${newest('found_questions', candidatesPerKind)}
			join questions on questions.id = found_questions.key
		), ranked as (
			select *, ts_rank(coalesce(vector, to_tsvector('english', body)), ${q}, 1)::float8 as rank
			from candidates
			order by rank desc, kind, id
			limit ${searchPageSize} offset ${offset}
		)
		select ranked.kind, ranked.id, ranked.title, ranked.rank, ranked.slug, ranked.group_name,
			ranked.time_zone, ranked.number, ranked.meeting_title,
			to_char(ranked.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as starts_at,
			total.total::int as total, total.ranked::int as ranked_total,
			ts_headline('english', ranked.body, ${q}, case ranked.kind
				when 'question' then ${headlineOptions.question}
				when 'minutes' then ${headlineOptions.minutes}
				else ${headlineOptions.agenda} end) as headline
		from total left join ranked on true
		order by ranked.rank desc, ranked.kind, ranked.id`;
}

/**
 * Public full-text search across published minutes, agendas of public meetings and published
 * questions, best match first. Any text is a valid query (`websearch_to_tsquery` never raises);
 * empty or over-long input is refused with a field message.
 */
export async function searchPublic(db: Executor, input: unknown): Promise<SearchResults> {
	const query = parseInput(searchSchema, input);
	const result = await db.transaction(async (tx) => {
		// The matches come from the indexes and everything else joins on keys: the planner,
		// which underrates to_tsvector, would otherwise recompute it over whole tables.
		await tx.execute(sql`set local enable_seqscan = off`);
		await tx.execute(sql`set local enable_hashjoin = off`);
		await tx.execute(sql`set local enable_mergejoin = off`);
		return tx.execute(searchStatement(query));
	});
	// PGlite answers { rows }, postgres.js the rows themselves.
	const all = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
	const total = Number(all[0]?.total ?? 0);
	const rows = all.filter((row) => row.kind !== null);
	return {
		query,
		results: rows.map((row) => ({
			kind: row.kind!,
			id: row.id,
			title: row.title,
			group: { slug: row.slug, name: row.group_name, timeZone: row.time_zone },
			meeting: {
				number: Number(row.number),
				title: row.meeting_title,
				startsAt: new Date(row.starts_at).toISOString()
			},
			snippet: highlightedHtml(row.headline),
			url: urlOf(row.kind!, row.id, row.slug, Number(row.number)),
			rank: Number(row.rank)
		})),
		total,
		page: query.page,
		pageCount: Math.min(
			searchMaxPage,
			Math.ceil(Number(all[0]?.ranked_total ?? 0) / searchPageSize)
		)
	};
}
