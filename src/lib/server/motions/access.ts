import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { motions, type Motion } from '../db/schema';
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
