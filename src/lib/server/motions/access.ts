import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetings, motions, type Meeting, type Motion } from '../db/schema';
import { notFound } from '../errors';

/** A motion's number from an address: anything but a positive whole number is simply not found. */
export function motionNumberOf(number: number | string): number {
	const n = Number(number);
	if (!Number.isSafeInteger(n) || n < 1) throw notFound('motions.not_found');
	return n;
}

/**
 * The meeting's motion with this number, or a 404. `lock`: `update` for a change of state,
 * `share` for a vote (votes go side by side; closing the vote waits for them, and they for it).
 */
export async function findMotion(
	db: Executor,
	meetingId: string,
	number: number | string,
	lock?: 'update' | 'share'
): Promise<Motion> {
	const query = db
		.select()
		.from(motions)
		.where(and(eq(motions.meetingId, meetingId), eq(motions.number, motionNumberOf(number))));
	const [motion] = lock ? await query.for(lock) : await query;
	if (!motion) throw notFound('motions.not_found');
	return motion;
}

/**
 * The meeting's row, locked against a change of its state (which takes `for update`) and against
 * another motion's change (this lock excludes itself), but not against what only references the
 * meeting (questions asked, votes on them, attendance: key-share locks): a busy live meeting is
 * not held up while a motion moves. `meetings/access.ts`'s `lockMeeting` would hold it all up.
 */
export async function lockMeetingForMotion(db: Executor, meetingId: string): Promise<Meeting> {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(eq(meetings.id, meetingId))
		.for('no key update');
	if (!meeting) throw notFound('meeting.not_found');
	return meeting;
}
