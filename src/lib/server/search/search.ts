import { and, asc, desc, eq, gt, ne, notExists, sql, type SQL } from 'drizzle-orm';
import { alias, unionAll } from 'drizzle-orm/pg-core';
import type { Executor } from '../db';
import {
	agendaItemDocument,
	agendaItems,
	groups,
	meetings,
	minutesVersions,
	questionDocument,
	questions
} from '../db/schema';
import { parseInput } from '../validation';
import { searchPageSize, searchSchema, type SearchInput } from '$lib/schemas/search';
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
	total: number;
	page: number;
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
 * The three searchable things as one list: the latest published version of each meeting's
 * minutes, agenda items and published questions. Each branch matches with the very expression
 * its GIN index is built on (`searchVector`, `agendaItemDocument`, `questionDocument`), so the
 * index serves it.
 */
function hitsOf(db: Executor, query: SQL) {
	const newer = alias(minutesVersions, 'newer');
	const minutesHits = db
		.select({
			kind: sql<SearchKind>`'minutes'::text`.as('hit_kind'),
			id: sql<string>`${minutesVersions.meetingId}::text`.as('hit_id'),
			meetingId: sql<string>`${minutesVersions.meetingId}`.as('hit_meeting_id'),
			title: sql<string | null>`null::text`.as('hit_title'),
			body: sql<string>`${minutesVersions.markdown}`.as('hit_body'),
			rank: sql<number>`ts_rank(${minutesVersions.searchVector}, ${query}, 1)`.as('hit_rank')
		})
		.from(minutesVersions)
		.where(
			and(
				sql`${minutesVersions.searchVector} @@ ${query}`,
				notExists(
					db
						.select({ one: sql`1` })
						.from(newer)
						.where(
							and(
								eq(newer.meetingId, minutesVersions.meetingId),
								gt(newer.version, minutesVersions.version)
							)
						)
				)
			)
		);
	const agendaDocument = agendaItemDocument(agendaItems);
	const agendaHits = db
		.select({
			kind: sql<SearchKind>`'agenda'::text`,
			id: sql<string>`${agendaItems.id}::text`,
			meetingId: sql<string>`${agendaItems.meetingId}`,
			title: sql<string | null>`${agendaItems.title}`,
			body: sql<string>`${agendaItems.title} || ' ' || ${agendaItems.description} || ' ' || coalesce(${agendaItems.presenter}, '')`,
			rank: sql<number>`ts_rank(${agendaDocument}, ${query}, 1)`
		})
		.from(agendaItems)
		.where(sql`${agendaDocument} @@ ${query}`);
	const questionText = questionDocument(questions);
	const questionHits = db
		.select({
			kind: sql<SearchKind>`'question'::text`,
			id: sql<string>`${questions.id}::text`,
			meetingId: sql<string>`${questions.meetingId}`,
			title: sql<string | null>`null::text`,
			body: sql<string>`${questions.text} || ' ' || coalesce(${questions.answerSummary}, '')`,
			rank: sql<number>`ts_rank(${questionText}, ${query}, 1)`
		})
		.from(questions)
		.where(and(eq(questions.state, 'published'), sql`${questionText} @@ ${query}`));
	return unionAll(minutesHits, agendaHits, questionHits).as('hits');
}

/** One page of matching rows in rank order, each with the total number of matches. */
function rankedPage(db: Executor, query: SearchInput, tsquery: SQL, offset: number) {
	const hits = hitsOf(db, tsquery);
	// Meeting dates are compared in each group's own time zone, as they are shown.
	const meetingDate = sql`(${meetings.startsAt} at time zone ${groups.timeZone})::date`;
	return db
		.select({
			kind: hits.kind,
			id: hits.id,
			title: hits.title,
			body: hits.body,
			rank: hits.rank,
			slug: sql<string>`${groups.slug}`.as('slug'),
			groupName: sql<string>`${groups.name}`.as('group_name'),
			timeZone: sql<string>`${groups.timeZone}`.as('time_zone'),
			number: sql<number>`${meetings.number}`.as('number'),
			meetingTitle: sql<string>`${meetings.title}`.as('meeting_title'),
			startsAt: sql<string>`${meetings.startsAt}`.as('starts_at'),
			total: sql<number>`(count(*) over ())::int`.as('total')
		})
		.from(hits)
		.innerJoin(meetings, eq(meetings.id, hits.meetingId))
		.innerJoin(groups, eq(groups.id, meetings.groupId))
		.where(
			and(
				ne(meetings.state, 'draft'),
				query.group ? eq(groups.slug, query.group) : undefined,
				query.from ? sql`${meetingDate} >= ${query.from}::date` : undefined,
				query.to ? sql`${meetingDate} <= ${query.to}::date` : undefined
			)
		)
		.orderBy(desc(hits.rank), asc(hits.kind), asc(hits.id))
		.limit(searchPageSize)
		.offset(offset)
		.as('ranked');
}

/**
 * Public full-text search across published minutes, agendas of public meetings and published
 * questions, best match first. Any text is a valid query (`websearch_to_tsquery` never raises);
 * empty or over-long input is refused with a field message.
 */
export async function searchPublic(db: Executor, input: unknown): Promise<SearchResults> {
	const query = parseInput(searchSchema, input);
	const tsquery = sql`websearch_to_tsquery('english', ${query.q})`;
	const ranked = rankedPage(db, query, tsquery, (query.page - 1) * searchPageSize);
	// Snippets only for the rows shown: ts_headline re-reads the whole text.
	const rows = await db
		.select({
			kind: ranked.kind,
			id: ranked.id,
			title: ranked.title,
			rank: ranked.rank,
			slug: ranked.slug,
			groupName: ranked.groupName,
			timeZone: ranked.timeZone,
			number: ranked.number,
			meetingTitle: ranked.meetingTitle,
			startsAt: ranked.startsAt,
			total: ranked.total,
			headline: sql<string>`ts_headline('english', ${ranked.body}, ${tsquery}, case ${ranked.kind} when 'question' then ${headlineOptions.question} when 'minutes' then ${headlineOptions.minutes} else ${headlineOptions.agenda} end)`
		})
		.from(ranked)
		.orderBy(desc(ranked.rank), asc(ranked.kind), asc(ranked.id));
	let total = rows.length ? Number(rows[0].total) : 0;
	if (!rows.length && query.page > 1) {
		// Past the last page: still say how many there are.
		const first = rankedPage(db, query, tsquery, 0);
		const [row] = await db.select({ total: first.total }).from(first).limit(1);
		total = Number(row?.total ?? 0);
	}
	return {
		query,
		results: rows.map((row) => ({
			kind: row.kind,
			id: row.id,
			title: row.title,
			group: { slug: row.slug, name: row.groupName, timeZone: row.timeZone },
			meeting: {
				number: Number(row.number),
				title: row.meetingTitle,
				startsAt: new Date(row.startsAt).toISOString()
			},
			snippet: highlightedHtml(row.headline),
			url: urlOf(row.kind, row.id, row.slug, Number(row.number)),
			rank: Number(row.rank)
		})),
		total,
		page: query.page,
		pageCount: Math.ceil(total / searchPageSize)
	};
}
