import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db';
import { commitments, meetings, questions, type Group } from '../db/schema';
import { publicCommitment } from '../commitments/commitments';
import { liveQuestions } from '../questions/live';
import { isUuid } from '../validation';

/**
 * The group-wide open-data lists (all meetings): questions and actions, ordered by meeting
 * number, then time, then id. The cursor holds those three; the time is the database's own text
 * of the timestamp, so no precision is lost between pages.
 */
type Key = { number: number; at: string; id: string };

export function keyOf(item: { meetingNumber: number; cursorAt: string; id: string }) {
	return `${item.meetingNumber}|${item.cursorAt}|${item.id}`;
}

/** PostgreSQL's text of a timestamptz, e.g. `2026-05-01 18:04:05.123456+00`. */
const timestamp = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

function parseKey(cursor: string | undefined): Key | undefined {
	const [number, at, id] = cursor?.split('|') ?? [];
	if (!/^\d{1,9}$/.test(number ?? '') || !timestamp.test(at ?? '')) return undefined;
	if (!isUuid(id ?? '')) return undefined;
	// A real instant only: 2026-02-31 would make the database refuse the query.
	const date = new Date(`${at.slice(0, 10)}T${at.slice(11, 19)}Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== at.slice(0, 10)) {
		return undefined;
	}
	return { number: Number(number), at, id };
}

function after(at: PgColumn, id: PgColumn, cursor: string | undefined): SQL | undefined {
	const key = parseKey(cursor);
	if (!key) return undefined;
	return sql`(${meetings.number}, ${at}, ${id}) > (${key.number}, ${key.at}::timestamptz, ${key.id}::uuid)`;
}

const publicMeetingOf = (group: Group) =>
	and(eq(meetings.groupId, group.id), ne(meetings.state, 'draft'));

/**
 * Every public question of the group's meetings, as the meeting's own question list shows it
 * (pending ones are not public; a text rejected as abusive or personal data is withheld), with
 * its meeting's number. Two queries per page: the page, and its vote counts and verdicts.
 */
export async function listGroupQuestions(
	db: Executor,
	group: Group,
	options: { cursor?: string; limit: number }
) {
	const rows = await db
		.select({
			question: questions,
			meetingNumber: meetings.number,
			cursorAt: sql<string>`${questions.askedAt}::text`
		})
		.from(questions)
		.innerJoin(meetings, eq(questions.meetingId, meetings.id))
		.where(
			and(
				publicMeetingOf(group),
				ne(questions.state, 'pending'),
				after(questions.askedAt, questions.id, options.cursor)
			)
		)
		.orderBy(asc(meetings.number), asc(questions.askedAt), asc(questions.id))
		.limit(options.limit + 1);
	const live = await liveQuestions(
		db,
		rows.map((r) => r.question)
	);
	return rows.map((r, i) => ({
		...live[i],
		meetingNumber: r.meetingNumber,
		cursorAt: r.cursorAt
	}));
}

/** Every action made at the group's public meetings, one page. */
export async function listGroupActions(
	db: Executor,
	group: Group,
	options: { cursor?: string; limit: number }
) {
	const rows = await db
		.select({
			action: commitments,
			meetingNumber: meetings.number,
			cursorAt: sql<string>`${commitments.createdAt}::text`
		})
		.from(commitments)
		.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
		.where(
			and(publicMeetingOf(group), after(commitments.createdAt, commitments.id, options.cursor))
		)
		.orderBy(asc(meetings.number), asc(commitments.createdAt), asc(commitments.id))
		.limit(options.limit + 1);
	return rows.map((r) => ({
		...publicCommitment(r.action, r.meetingNumber),
		cursorAt: r.cursorAt
	}));
}

/** Drops the pagination helper field before an item is published. */
export function withoutCursor<T extends { cursorAt: string }>(item: T): Omit<T, 'cursorAt'> {
	const { cursorAt: _cursorAt, ...rest } = item;
	return rest;
}
