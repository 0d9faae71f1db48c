import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	meetingLive,
	meetings,
	questionRatings,
	questions,
	questionVotes,
	type Group,
	type Meeting,
	type Question
} from '../db/schema';
import { allows, rolesOf, type Actor } from '../auth/authorise';
import { findMeeting } from '../meetings/access';
import { notFound } from '../errors';
import type { LiveMeeting, LiveQuestion, LiveSnapshot } from '$lib/realtime/live-types';
import { askerKey, voterKey } from './participant';
import { isUuid } from '../validation';

/** Who is acting in a live meeting: maybe an account, and the browser's participant token. */
export type Participant = Actor & { token: string };

export type LiveContext = { group: Group; meeting: Meeting; canModerate: boolean };

export async function liveContext(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
): Promise<LiveContext> {
	const { group, meeting } = await findMeeting(db, actor, groupSlug, number);
	const canModerate = allows(await rolesOf(db, actor.user, group.id), 'question.moderate');
	return { group, meeting, canModerate };
}

/** The meeting's live settings (defaults until an officer changes them). */
export async function liveSettings(db: Executor, meetingId: string) {
	const [row] = await db.select().from(meetingLive).where(eq(meetingLive.meetingId, meetingId));
	return (
		row ?? { meetingId, mode: 'open' as const, questionCap: 3, pinnedQuestionId: null, seq: 0 }
	);
}

/**
 * Counts one change to the meeting's questions and returns the new sequence number. Called in
 * the change's transaction; the row lock also queues concurrent changes to one meeting.
 */
export async function bumpSeq(tx: Executor, meetingId: string): Promise<number> {
	const [row] = await tx
		.insert(meetingLive)
		.values({ meetingId, seq: 1 })
		.onConflictDoUpdate({
			target: meetingLive.meetingId,
			set: { seq: sql`${meetingLive.seq} + 1` }
		})
		.returning({ seq: meetingLive.seq });
	return row.seq;
}

/** Whether a question's text may be shown: not when it was rejected because of what it says. */
function textIsPublic(q: Pick<Question, 'state' | 'rejectionReason'>) {
	return !(
		q.state === 'rejected' &&
		(q.rejectionReason === 'abusive' || q.rejectionReason === 'personal_data')
	);
}

export function toLiveQuestion(
	q: Question,
	votes: number,
	verdict: LiveQuestion['verdict'] = { answered: 0, partly_answered: 0, not_answered: 0 }
): LiveQuestion {
	return {
		id: q.id,
		text: textIsPublic(q) ? q.text : null,
		anonymous: q.anonymous,
		askerName: q.anonymous ? null : q.askerName,
		source: q.source,
		state: q.state,
		rejectionReason: q.rejectionReason,
		rejectionNote: q.rejectionNote,
		mergedIntoId: q.mergedIntoId,
		answerStatus: q.answerStatus,
		answerSummary: q.answerSummary,
		agendaItemId: q.agendaItemId,
		votes,
		verdict,
		askedAt: q.askedAt.toISOString()
	};
}

export function toLiveMeeting(
	group: Group,
	meeting: Meeting,
	settings: Awaited<ReturnType<typeof liveSettings>>
): LiveMeeting {
	return {
		id: meeting.id,
		group: group.slug,
		number: meeting.number,
		title: meeting.title,
		state: meeting.state,
		mode: settings.mode,
		questionCap: settings.questionCap,
		pinnedQuestionId: settings.pinnedQuestionId,
		joinCode: meeting.state === 'live' ? meeting.joinCode : null
	};
}

export async function voteCounts(db: Executor, questionIds: string[]) {
	const counts = new Map<string, number>();
	if (!questionIds.length) return counts;
	const rows = await db
		.select({ id: questionVotes.questionId, n: sql<number>`count(*)::int` })
		.from(questionVotes)
		.where(inArray(questionVotes.questionId, questionIds))
		.groupBy(questionVotes.questionId);
	for (const row of rows) counts.set(row.id, Number(row.n));
	return counts;
}

/** The room's verdicts on each question's answer. */
export async function verdicts(db: Executor, questionIds: string[]) {
	const out = new Map<string, LiveQuestion['verdict']>();
	if (!questionIds.length) return out;
	const rows = await db
		.select({
			id: questionRatings.questionId,
			verdict: questionRatings.verdict,
			n: sql<number>`count(*)::int`
		})
		.from(questionRatings)
		.where(inArray(questionRatings.questionId, questionIds))
		.groupBy(questionRatings.questionId, questionRatings.verdict);
	for (const row of rows) {
		const v = out.get(row.id) ?? { answered: 0, partly_answered: 0, not_answered: 0 };
		v[row.verdict] = Number(row.n);
		out.set(row.id, v);
	}
	return out;
}

/** One question as everyone may see it now. */
export async function loadLiveQuestion(db: Executor, questionId: string) {
	const [q] = await db.select().from(questions).where(eq(questions.id, questionId));
	const counts = await voteCounts(db, [q.id]);
	const verdict = (await verdicts(db, [q.id])).get(q.id);
	return toLiveQuestion(q, counts.get(q.id) ?? 0, verdict);
}

/**
 * Everything a live page needs: the meeting, its questions (pending ones only for officers and
 * their own asker), and what this browser did. Computed from the database, so every instance
 * gives the same answer; `seq` tells the client where broadcasts continue.
 */
export async function liveSnapshot(
	db: Executor,
	context: LiveContext,
	participant: Participant | null
): Promise<LiveSnapshot> {
	const { group, meeting, canModerate } = context;
	const settings = await liveSettings(db, meeting.id);
	const rows = await db
		.select()
		.from(questions)
		.where(eq(questions.meetingId, meeting.id))
		.orderBy(questions.askedAt);
	const mine = participant
		? rows
				.filter((q) => q.askerKey && q.askerKey === askerKey(participant.token, q.id))
				.map((q) => q.id)
		: [];
	const visible = rows.filter((q) => q.state !== 'pending' || canModerate || mine.includes(q.id));
	const ids = visible.map((q) => q.id);
	const [counts, verdictsById] = await Promise.all([voteCounts(db, ids), verdicts(db, ids)]);
	let voted: string[] = [];
	const rated: Record<string, string> = {};
	if (participant && ids.length) {
		const key = voterKey(participant.token, meeting.id);
		voted = (
			await db
				.select({ id: questionVotes.questionId })
				.from(questionVotes)
				.where(and(eq(questionVotes.voterKey, key), inArray(questionVotes.questionId, ids)))
		).map((r) => r.id);
		for (const r of await db
			.select({ id: questionRatings.questionId, verdict: questionRatings.verdict })
			.from(questionRatings)
			.where(and(eq(questionRatings.voterKey, key), inArray(questionRatings.questionId, ids)))) {
			rated[r.id] = r.verdict;
		}
	}
	return {
		seq: settings.seq,
		meeting: toLiveMeeting(group, meeting, settings),
		questions: visible.map((q) => toLiveQuestion(q, counts.get(q.id) ?? 0, verdictsById.get(q.id))),
		viewer: { mine, voted, rated, canModerate }
	};
}

/** The live context of the meeting a question belongs to (for `/questions/{id}/…` addresses). */
export async function contextForQuestion(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	questionId: string
): Promise<LiveContext> {
	if (!isUuid(questionId)) throw notFound('question.not_found');
	const [row] = await db
		.select({ number: meetings.number })
		.from(questions)
		.innerJoin(meetings, eq(questions.meetingId, meetings.id))
		.where(eq(questions.id, questionId));
	if (!row) throw notFound('question.not_found');
	return liveContext(db, actor, groupSlug, row.number);
}
