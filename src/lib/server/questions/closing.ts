import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { questions } from '../db/schema';

/**
 * What closing a live meeting will do to its questions, for the chair's confirmation: published
 * questions still open become "not reached" (`markQuestionsNotReached`), pending ones stay
 * unpublished.
 */
export async function closingSummary(db: Executor, meetingId: string) {
	const [row] = await db
		.select({
			notReached: sql<number>`count(*) filter (where ${questions.state} = 'published'
				and ${questions.answerStatus} = 'open')::int`,
			pending: sql<number>`count(*) filter (where ${questions.state} = 'pending')::int`
		})
		.from(questions)
		.where(eq(questions.meetingId, meetingId));
	return { notReached: Number(row?.notReached ?? 0), pending: Number(row?.pending ?? 0) };
}
