import { and, asc, eq, inArray, lt, ne, notExists, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { commitments, meetings, questions, type Group } from '../db/schema';
import { utcToLocal } from '$lib/time-zone';
import { writtenLedgerRows, writtenStatuses, writtenSummary } from './written';

/** Question outcomes the ledger follows: the institution still owes the group something. */
export const unresolvedAnswers = [
	'not_answered',
	'partly_answered',
	'declined',
	'deferred',
	'not_reached'
] as const;

export const ledgerKinds = ['question', 'action', 'written'] as const;
export const ledgerStatuses = [
	'open',
	'done',
	'dropped',
	...unresolvedAnswers,
	...writtenStatuses
] as const;

export type LedgerFilter = {
	kind?: (typeof ledgerKinds)[number];
	status?: (typeof ledgerStatuses)[number];
	overdueOnly: boolean;
};

/** The filters of the ledger page and API, from a query string; anything unknown is ignored. */
export function ledgerFilterOf(params: URLSearchParams): LedgerFilter {
	const pick = <T extends string>(value: string | null, allowed: readonly T[]) =>
		allowed.find((a) => a === value);
	return {
		kind: pick(params.get('kind'), ledgerKinds),
		status: pick(params.get('status'), ledgerStatuses),
		overdueOnly: ['1', 'on', 'true'].includes(params.get('overdue') ?? '')
	};
}

export type LedgerItem = {
	/** `written`: a question the institution answers in writing (ledger/written.ts). */
	kind: 'question' | 'action' | 'written';
	id: string;
	/** The question asked, or what was promised. */
	text: string;
	/** For an action made in answer to a question: that question. */
	questionId: string | null;
	/** Null for a question asked in writing between meetings. */
	meetingNumber: number | null;
	/** Who owes it: the action's owner; for a question, the group's institution. */
	owner: string;
	arisenAt: string;
	/** Whole days from when it arose until it was resolved, or until now. */
	ageDays: number;
	dueOn: string | null;
	status: (typeof ledgerStatuses)[number];
	overdue: boolean;
	/** Held meetings (live or closed) from the one where it arose until its resolution or now. */
	timesRaised: number;
	resolution: string | null;
	resolvedAt: string | null;
	/** A written question: the organisation that asked it between meetings. */
	organisation: string | null;
	/** A written question: the date of the answer. */
	answeredOn: string | null;
	/** A written question: days overdue while unanswered, or days late once answered. */
	daysLate: number | null;
};

const day = 86_400_000;
/** Meetings that have been (or are being) held. */
export const held = ['live', 'closed'] as const;

/** Today's date (`YYYY-MM-DD`) where the group meets. */
export function groupToday(group: Pick<Group, 'timeZone'>, now: Date) {
	return utcToLocal(now, group.timeZone).slice(0, 10);
}

/**
 * Held meetings (live or closed) of the group from the one where an item arose up to `until`:
 * how many times it could have been raised. The meeting where it arose always counts (a live
 * meeting may have opened before its planned start). A correlated count, evaluated by the
 * database within the one query.
 */
function timesRaised(groupId: string, until: SQL) {
	return sql<number>`(
		select count(*)::int from meetings h
		where h.group_id = ${groupId} and h.state in ('live', 'closed')
			and (h.id = ${meetings.id}
				or (h.starts_at >= ${meetings.startsAt} and h.starts_at <= ${until}))
	)`;
}

/** Which questions are on the ledger (rows of questions joined to their meetings). */
function ledgerQuestions(db: Executor, group: Group, filter: LedgerFilter) {
	return and(
		eq(meetings.groupId, group.id),
		ne(meetings.state, 'draft'),
		eq(questions.state, 'published'),
		filter.status
			? eq(questions.answerStatus, filter.status as (typeof unresolvedAnswers)[number])
			: inArray(questions.answerStatus, [...unresolvedAnswers]),
		notExists(
			db
				.select({ id: commitments.id })
				.from(commitments)
				.where(eq(commitments.questionId, questions.id))
		)
	);
}

/** Which actions are on the ledger (rows of commitments joined to their meetings). */
function ledgerActions(group: Group, filter: LedgerFilter, today: string) {
	return and(
		eq(meetings.groupId, group.id),
		ne(meetings.state, 'draft'),
		filter.status
			? eq(commitments.status, filter.status as 'open' | 'done' | 'dropped')
			: undefined,
		filter.overdueOnly
			? and(eq(commitments.status, 'open'), lt(commitments.dueOn, today))
			: undefined
	);
}

/**
 * The accountability ledger: every published question left not answered, partly answered,
 * declined, deferred or not reached, and every action. A question that has an action (a deferred
 * one does) appears once, as that action, linked to the question. Two queries, whatever the size.
 */
export async function ledgerItems(
	db: Executor,
	group: Group,
	filter: LedgerFilter = { overdueOnly: false },
	now = new Date()
): Promise<LedgerItem[]> {
	const today = groupToday(group, now);
	const nowParam = sql`${now.toISOString()}::timestamptz`;
	const wantQuestions =
		(!filter.kind || filter.kind === 'question') &&
		!filter.overdueOnly &&
		(!filter.status || (unresolvedAnswers as readonly string[]).includes(filter.status));
	const wantActions =
		(!filter.kind || filter.kind === 'action') &&
		(!filter.status || ['open', 'done', 'dropped'].includes(filter.status));
	const wantWritten =
		(!filter.kind || filter.kind === 'written') &&
		(!filter.status || (writtenStatuses as readonly string[]).includes(filter.status));

	const [questionRows, actionRows, writtenRows] = await Promise.all([
		wantQuestions
			? db
					.select({
						id: questions.id,
						text: questions.text,
						meetingNumber: meetings.number,
						arisenAt: questions.askedAt,
						status: questions.answerStatus,
						summary: questions.answerSummary,
						timesRaised: timesRaised(group.id, nowParam)
					})
					.from(questions)
					.innerJoin(meetings, eq(questions.meetingId, meetings.id))
					.where(ledgerQuestions(db, group, filter))
					.orderBy(asc(meetings.number), asc(questions.askedAt))
			: [],
		wantActions
			? db
					.select({
						action: commitments,
						meetingNumber: meetings.number,
						timesRaised: timesRaised(
							group.id,
							sql`coalesce(${commitments.resolvedAt}, ${nowParam})`
						)
					})
					.from(commitments)
					.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
					.where(ledgerActions(group, filter, today))
					.orderBy(asc(meetings.number), asc(commitments.createdAt))
			: [],
		wantWritten ? writtenLedgerRows(db, group, filter, today, now) : []
	]);

	const ageOf = (from: Date, to: Date | null) =>
		Math.max(0, Math.floor(((to ?? now).getTime() - from.getTime()) / day));
	const items: LedgerItem[] = [
		...actionRows.map(({ action, meetingNumber, timesRaised }) => ({
			kind: 'action' as const,
			id: action.id,
			text: action.description,
			questionId: action.questionId,
			meetingNumber,
			owner: action.owner,
			arisenAt: action.createdAt.toISOString(),
			ageDays: ageOf(action.createdAt, action.resolvedAt),
			dueOn: action.dueOn,
			status: action.status,
			overdue: action.status === 'open' && action.dueOn < today,
			timesRaised: Number(timesRaised),
			resolution: action.statusNote,
			resolvedAt: action.resolvedAt?.toISOString() ?? null,
			organisation: null,
			answeredOn: null,
			daysLate: null
		})),
		...questionRows.map((q) => ({
			kind: 'question' as const,
			id: q.id,
			text: q.text,
			questionId: null,
			meetingNumber: q.meetingNumber,
			owner: group.institution,
			arisenAt: q.arisenAt.toISOString(),
			ageDays: ageOf(q.arisenAt, null),
			dueOn: null,
			status: q.status as LedgerItem['status'],
			overdue: false,
			timesRaised: Number(q.timesRaised),
			resolution: q.summary,
			resolvedAt: null,
			organisation: null,
			answeredOn: null,
			daysLate: null
		})),
		...writtenRows.map((w) => ({
			kind: 'written' as const,
			id: w.id,
			text: w.text,
			questionId: w.questionId,
			meetingNumber: w.meetingNumber,
			owner: group.institution,
			arisenAt: w.arisenAt.toISOString(),
			ageDays: ageOf(w.arisenAt, w.answeredAt),
			dueOn: w.dueOn,
			status: w.status,
			overdue: w.overdue,
			timesRaised: w.timesRaised,
			resolution: w.answer,
			resolvedAt: w.answeredAt?.toISOString() ?? null,
			organisation: w.organisation,
			answeredOn: w.answeredOn,
			daysLate: w.daysLate
		}))
	];
	// Questions asked in writing between meetings come after the meetings' items, by date.
	const order = (n: number | null) => n ?? Number.MAX_SAFE_INTEGER;
	return items.sort(
		(a, b) =>
			order(a.meetingNumber) - order(b.meetingNumber) || a.arisenAt.localeCompare(b.arisenAt)
	);
}

/**
 * The ledger in three numbers, for the group's home page: counted by the database with the
 * ledger's own conditions, without reading the items.
 */
export async function ledgerSummary(db: Executor, group: Group, now = new Date()) {
	const today = groupToday(group, now);
	const all: LedgerFilter = { overdueOnly: false };
	const [[questionCount], [actionCounts], written] = await Promise.all([
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(questions)
			.innerJoin(meetings, eq(questions.meetingId, meetings.id))
			.where(ledgerQuestions(db, group, all)),
		db
			.select({
				open: sql<number>`(count(*) filter (where ${commitments.status} = 'open'))::int`,
				overdue: sql<number>`(count(*) filter (where ${commitments.status} = 'open'
					and ${commitments.dueOn} < ${today}))::int`
			})
			.from(commitments)
			.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
			.where(ledgerActions(group, all, today)),
		writtenSummary(db, group, today)
	]);
	// A written answer due is a question the institution still owes; overdue, it counts as such.
	return {
		openActions: Number(actionCounts.open),
		overdue: Number(actionCounts.overdue) + written.overdue,
		unresolvedQuestions: Number(questionCount.n) + written.due
	};
}
