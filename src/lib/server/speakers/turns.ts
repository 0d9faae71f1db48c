import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { speakerRequests } from '../db/schema';

/**
 * Ends the meeting's current turn, if any, at `now` (the chair ending it, giving the floor to the
 * next, moving to another item, or closing the meeting): it becomes part of the record.
 */
export async function endCurrentTurn(tx: Executor, meetingId: string, now: Date) {
	const [ended] = await tx
		.update(speakerRequests)
		.set({ state: 'spoke', endedAt: now })
		.where(and(eq(speakerRequests.meetingId, meetingId), eq(speakerRequests.state, 'speaking')))
		.returning();
	return ended;
}

/**
 * The meeting closes: the current turn ends, and every request still waiting is recorded as not
 * reached, so the record shows who asked to speak and was not heard.
 */
export async function closeSpeakersList(tx: Executor, meetingId: string, now: Date) {
	await endCurrentTurn(tx, meetingId, now);
	await tx
		.update(speakerRequests)
		.set({ state: 'not_reached' })
		.where(and(eq(speakerRequests.meetingId, meetingId), eq(speakerRequests.state, 'waiting')));
}
