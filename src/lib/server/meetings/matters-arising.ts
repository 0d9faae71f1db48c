import { and, asc, eq, inArray, lt, notExists } from 'drizzle-orm';
import type { Executor } from '../db';
import { commitments, meetings, questions } from '../db/schema';

/** A commitment made at an earlier meeting and not yet kept. */
export type ActionArising = {
	kind: 'action';
	id: string;
	text: string;
	owner: string;
	dueOn: string | null;
	fromMeeting: number;
};

/** A question deferred, left unanswered or not reached at an earlier meeting. */
export type QuestionArising = {
	kind: 'question';
	id: string;
	text: string;
	status: 'deferred' | 'not_answered' | 'not_reached';
	fromMeeting: number;
};

export type MatterArising = ActionArising | QuestionArising;

const carried = ['deferred', 'not_answered', 'not_reached'] as const;

/**
 * What the agenda carries forward under "Matters arising": open commitments, and questions that
 * were deferred, not answered or not reached, from the group's meetings before this one, oldest
 * meeting first. (The minutes and ledger work adds actions recorded in minutes to the same list.)
 */
export async function mattersArising(
	db: Executor,
	groupId: string,
	meetingId: string
): Promise<MatterArising[]> {
	const [current] = await db
		.select({ startsAt: meetings.startsAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!current) return [];
	const earlier = and(eq(meetings.groupId, groupId), lt(meetings.startsAt, current.startsAt));
	const [openQuestions, openCommitments] = await Promise.all([
		db
			.select({
				id: questions.id,
				text: questions.text,
				status: questions.answerStatus,
				fromMeeting: meetings.number
			})
			.from(questions)
			.innerJoin(meetings, eq(questions.meetingId, meetings.id))
			.where(
				and(
					earlier,
					eq(questions.state, 'published'),
					inArray(questions.answerStatus, [...carried]),
					// A deferred question's commitment speaks for it (listed once, as an action).
					notExists(
						db
							.select({ id: commitments.id })
							.from(commitments)
							.where(eq(commitments.questionId, questions.id))
					)
				)
			)
			.orderBy(asc(meetings.number), asc(questions.askedAt)),
		db
			.select({
				id: commitments.id,
				text: commitments.description,
				owner: commitments.owner,
				dueOn: commitments.dueOn,
				fromMeeting: meetings.number
			})
			.from(commitments)
			.innerJoin(meetings, eq(commitments.meetingId, meetings.id))
			.where(and(earlier, eq(commitments.status, 'open')))
			.orderBy(asc(meetings.number), asc(commitments.dueOn))
	]);
	return [
		...openCommitments.map((c) => ({ kind: 'action' as const, ...c })),
		...openQuestions.map((q) => ({
			kind: 'question' as const,
			...q,
			status: q.status as QuestionArising['status']
		}))
	].sort((a, b) => a.fromMeeting - b.fromMeeting);
}
