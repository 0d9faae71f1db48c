import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { takesQuestions } from '$lib/questions-open';
import {
	meetingLive,
	meetings,
	questionRatings,
	questions,
	questionVotes,
	type Group,
	type Meeting,
	type MeetingLive,
	type Question
} from '../db/schema';
import { allows, type Actor } from '../auth/authorise';
import { findMeeting } from '../meetings/access';
import { isDomainError, notAllowed, notFound } from '../errors';
import type { LiveMeeting, LiveQuestion, LiveSnapshot, LiveViewer } from '$lib/realtime/live-types';
import { actingIdentity, askerKey, identityOf, voterKey } from './participant';
import { requireTakingPart, type Admitted } from './participation';
import { isBurst, recentVotes } from './bursts';
import { isUuid } from '../validation';
import { coalesced } from '../coalesce';
import { countPublicChange } from '../public-cache/versions';
import { ownSpeakerRequests, speakersOf } from '../speakers/read';

/**
 * Who is at the live page: the account (if signed in) and the participant token this server
 * issued to the browser (null: none yet, or one it did not issue). See participant.ts.
 */
export type Participant = Actor & { token: string | null } & Admitted;

export type LiveContext = { group: Group; meeting: Meeting; canModerate: boolean };

export async function liveContext(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
): Promise<LiveContext> {
	const { group, meeting, roles } = await findMeeting(db, actor, groupSlug, number);
	return { group, meeting, canModerate: allows(roles, 'question.moderate') };
}

/** The meeting's live settings (defaults until an officer changes them). */
export async function liveSettings(db: Executor, meetingId: string) {
	const [row] = await db.select().from(meetingLive).where(eq(meetingLive.meetingId, meetingId));
	return (
		row ?? { meetingId, mode: 'open' as const, questionCap: 3, pinnedQuestionId: null, seq: 0 }
	);
}

/**
 * Counts one change to the meeting's questions and returns the new sequence number; `set`
 * changes the meeting's live settings or pinned question in the same statement. Called in the
 * change's transaction, as its last write to the meeting's live row: the row lock also queues
 * concurrent changes to one meeting.
 *
 * One write, not two. A second update of a row this transaction already changed checks again
 * that its meeting exists (PostgreSQL does, for rows the transaction wrote), waiting for the
 * meeting's row; a new room code holds that row while it waits for this one: a deadlock
 * (participation.test). The row itself is made with the meeting (drizzle/0025), for the same
 * reason: an insert checks too.
 */
export async function bumpSeq(
	tx: Executor,
	meetingId: string,
	set: Partial<
		Pick<
			MeetingLive,
			'mode' | 'questionCap' | 'pinnedQuestionId' | 'currentAgendaItemId' | 'currentItemStartedAt'
		>
	> = {}
): Promise<number> {
	// Every change to a meeting's questions shows on public pages (its live page, search).
	await countPublicChange(tx);
	const [row] = await tx
		.insert(meetingLive)
		.values({ meetingId, ...set, seq: 1 })
		.onConflictDoUpdate({
			target: meetingLive.meetingId,
			set: { ...set, seq: sql`${meetingLive.seq} + 1` }
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
	countedAt: number,
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
		countedAt,
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
		participation: meeting.participation
	};
}

/**
 * How far a statement's view of the database goes, as one number that only grows: the snapshot's
 * `xmax` (every transaction before it has ended) and, among snapshots with the same `xmax`, fewer
 * transactions still running means more seen. Counts read with a higher number are newer, on
 * every instance (they share the database), so a client can tell a late message from a new one.
 */
const countedAt = sql<string>`(pg_snapshot_xmax(pg_current_snapshot())::text::bigint * 1024
	- least((select count(*) from pg_snapshot_xip(pg_current_snapshot())), 1023))`;

/**
 * What a tally carries: the exact vote counts of some of a meeting's questions, the meeting's
 * sequence number and how recent the counts are (`countedAt`), read in one statement.
 */
export async function tallyOf(db: Executor, meetingId: string, questionIds: string[]) {
	const rows = await db
		.select({
			id: questions.id,
			votes: sql<number>`(select count(*) from ${questionVotes} v
				where v.question_id = ${questions.id})::int`,
			seq: sql<number | null>`(select ${meetingLive.seq} from ${meetingLive}
				where ${meetingLive.meetingId} = ${meetingId})`,
			countedAt
		})
		.from(questions)
		.where(and(eq(questions.meetingId, meetingId), inArray(questions.id, questionIds)));
	return {
		seq: Number(rows[0]?.seq ?? 0),
		counts: Object.fromEntries(rows.map((row) => [row.id, Number(row.votes)])),
		countedAt: Number(rows[0]?.countedAt ?? 0)
	};
}

const ratedAs = (verdict: keyof LiveQuestion['verdict']) =>
	sql<number>`(select count(*) from ${questionRatings} r
		where r.question_id = ${questions.id} and r.verdict = ${verdict})::int`;

/**
 * Questions as the live pages, the open data and the minutes show them: each with its vote count
 * and the room's verdicts on its answer, read in one statement.
 */
export async function liveQuestions(db: Executor, rows: Question[]): Promise<LiveQuestion[]> {
	if (!rows.length) return [];
	const figures = await db
		.select({
			id: questions.id,
			votes: sql<number>`(select count(*) from ${questionVotes} v
				where v.question_id = ${questions.id})::int`,
			answered: ratedAs('answered'),
			partlyAnswered: ratedAs('partly_answered'),
			notAnswered: ratedAs('not_answered'),
			countedAt
		})
		.from(questions)
		.where(
			inArray(
				questions.id,
				rows.map((q) => q.id)
			)
		);
	const byId = new Map(figures.map((f) => [f.id, f]));
	return rows.map((q) => {
		const f = byId.get(q.id);
		return toLiveQuestion(
			q,
			Number(f?.votes ?? 0),
			Number(f?.countedAt ?? 0),
			f && {
				answered: Number(f.answered),
				partly_answered: Number(f.partlyAnswered),
				not_answered: Number(f.notAnswered)
			}
		);
	});
}

/** One question as everyone may see it now. */
export async function loadLiveQuestion(db: Executor, questionId: string) {
	const [q] = await db.select().from(questions).where(eq(questions.id, questionId));
	const [live] = await liveQuestions(db, [q]);
	return live;
}

/**
 * What every viewer of a meeting sees alike: its settings and all its questions (pending ones
 * too, for officers and askers) with their figures. Read once for the joins that arrive together
 * (a hall scanning the QR code at once), never older than a join's request: see `coalesced`.
 */
const meetingState = coalesced(async (meetingId: string, db: Executor) => {
	const settings = await liveSettings(db, meetingId);
	const rows = await db
		.select()
		.from(questions)
		.where(eq(questions.meetingId, meetingId))
		.orderBy(questions.askedAt, questions.id);
	return { settings, rows, questions: await liveQuestions(db, rows) };
});

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
	const { settings, rows, questions: all } = await meetingState(meeting.id, db);
	const recent = canModerate && meeting.state === 'live' ? await recentVotes(db, meeting.id) : {};
	const identity = participant && identityOf(participant);
	const mine = identity
		? rows.filter((q) => q.askerKey && q.askerKey === askerKey(identity, q.id)).map((q) => q.id)
		: [];
	const visible = all
		.filter((q) => q.state !== 'pending' || canModerate || mine.includes(q.id))
		// Their own text, withheld from everyone else, is no secret to its asker.
		.map((q) =>
			q.text === null && mine.includes(q.id)
				? { ...q, text: rows.find((row) => row.id === q.id)?.text ?? null }
				: q
		);
	const ids = visible.map((q) => q.id);
	const voted: string[] = [];
	const rated: Record<string, string> = {};
	if (identity && ids.length) {
		// What this person did, votes and ratings in one statement.
		const key = voterKey(identity, meeting.id);
		const votes = db
			.select({ id: questionVotes.questionId, verdict: sql<string | null>`null` })
			.from(questionVotes)
			.where(and(eq(questionVotes.voterKey, key), inArray(questionVotes.questionId, ids)));
		const ratings = db
			.select({
				id: questionRatings.questionId,
				verdict: sql<string | null>`${questionRatings.verdict}::text`
			})
			.from(questionRatings)
			.where(and(eq(questionRatings.voterKey, key), inArray(questionRatings.questionId, ids)));
		for (const row of await votes.unionAll(ratings)) {
			if (row.verdict === null) voted.push(row.id);
			else rated[row.id] = row.verdict;
		}
	}
	return {
		seq: settings.seq,
		meeting: toLiveMeeting(group, meeting, settings),
		questions: visible,
		speakers: await speakersOf(db, meeting.id),
		viewer: {
			mine,
			speaking: await ownSpeakerRequests(db, meeting.id, participant?.user?.id ?? null),
			voted,
			rated,
			canModerate,
			takingPart: await takingPartOf(db, participant, context),
			roomCode: canModerate && takesQuestions(meeting.state) ? meeting.joinCode : null,
			recentVotes: recent,
			bursts: Object.keys(recent).filter((id) => isBurst(recent[id]))
		}
	};
}

/** Whether the viewer may take part now, and if not the rule's message (for the page to say). */
async function takingPartOf(
	db: Executor,
	participant: Participant | null,
	context: LiveContext
): Promise<LiveViewer['takingPart']> {
	try {
		if (!participant) throw notAllowed('question.participant_unknown');
		actingIdentity(participant);
		await requireTakingPart(db, participant, context);
		return { allowed: true };
	} catch (error) {
		if (isDomainError(error) && error.code === 'not_allowed') {
			return { allowed: false, reason: error.msg.key };
		}
		throw error;
	}
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
