import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetings, memberships, writtenQuestions, writtenRatings, type Group } from '../db/schema';
import { groupToday } from '../ledger/items';
import { lateness, type Lateness } from './rules';

/** A written question as anyone may read it: never who asked or answered it (only the organisation). */
export type PublicWritten = {
	id: string;
	text: string;
	/** Sent for a written answer at this meeting (null: asked in writing between meetings). */
	meetingNumber: number | null;
	questionId: string | null;
	/** The member organisation that asked it in writing. */
	organisation: string | null;
	askedAt: string;
	dueOn: string;
	answer: string | null;
	answeredOn: string | null;
	lateness: Lateness;
	verdicts: { answered: number; partly_answered: number; not_answered: number };
};

/** The group's written questions, oldest first, with lateness as of `now` and the verdicts. */
export async function listWritten(
	db: Executor,
	group: Group,
	now = new Date(),
	only?: string
): Promise<PublicWritten[]> {
	const today = groupToday(group, now);
	const rows = await db
		.select({
			written: writtenQuestions,
			meetingNumber: meetings.number,
			organisation: memberships.organisationName
		})
		.from(writtenQuestions)
		.leftJoin(meetings, eq(writtenQuestions.meetingId, meetings.id))
		.leftJoin(memberships, eq(writtenQuestions.membershipId, memberships.id))
		.where(
			and(eq(writtenQuestions.groupId, group.id), only ? eq(writtenQuestions.id, only) : undefined)
		)
		.orderBy(asc(writtenQuestions.askedAt), asc(writtenQuestions.id));
	const ids = rows.map((r) => r.written.id);
	const counts = ids.length
		? await db
				.select({
					id: writtenRatings.writtenQuestionId,
					verdict: writtenRatings.verdict,
					n: sql<number>`count(*)::int`
				})
				.from(writtenRatings)
				.where(inArray(writtenRatings.writtenQuestionId, ids))
				.groupBy(writtenRatings.writtenQuestionId, writtenRatings.verdict)
		: [];
	return rows.map(({ written: w, meetingNumber, organisation }) => {
		const verdicts = { answered: 0, partly_answered: 0, not_answered: 0 };
		for (const c of counts) if (c.id === w.id) verdicts[c.verdict] = Number(c.n);
		return {
			id: w.id,
			text: w.text,
			meetingNumber: meetingNumber ?? null,
			questionId: w.questionId,
			organisation: organisation ?? null,
			askedAt: w.askedAt.toISOString(),
			dueOn: w.dueOn,
			answer: w.answer,
			answeredOn: w.answeredOn,
			lateness: lateness(w.dueOn, w.answeredOn, today),
			verdicts
		};
	});
}

/** One of them (its id checked already), as the list shows it. */
export async function getWritten(db: Executor, group: Group, id: string, now = new Date()) {
	const [written] = await listWritten(db, group, now, id);
	return written;
}
