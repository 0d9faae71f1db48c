import { getDb } from '../db';
import { describeError, log } from '../log';
import { timeTally } from '../metrics';
import { redisTransaction } from '../shared-redis';
import { tallyOf } from '../questions/live';
import { announceTally } from './broadcast';
import { track } from './in-flight';
import { socketServer } from './socket-server';

/**
 * Votes are not broadcast one by one: a hall voting at once would multiply into millions of
 * messages. The questions voted on are collected per meeting and, at most once per window,
 * their exact counts are broadcast (read from the database, so any instance may send them).
 *
 * With several instances (Redis), the window is the meeting's, not each instance's: the
 * questions go into one Redis set, and the instance that opens the window (`SET NX`) sends the
 * one tally for all of them — otherwise every attendee would get one tally per instance per
 * window. Without Redis, or while it is away, each instance keeps its own window.
 * The collected questions are only an optimisation: losing them loses no vote, only delays a
 * count until the question's next tally or the client's next snapshot.
 */
export const tallyWindowMs = 50;
/** How long an opened shared window may stay unflushed (its instance stopped) before another opens. */
const windowLeaseMs = 1000;
/** How long questions left in a window nobody sent (its instance stopped) are kept in Redis. */
const strandedSeconds = 60;

const keysOf = (meetingId: string) => ({
	questions: `openfloor:tally:${meetingId}:questions`,
	window: `openfloor:tally:${meetingId}:window`
});

/** Called after a vote has been written (committed): its question's count will be broadcast. */
export function scheduleTally(meetingId: string, questionId: string) {
	if (!socketServer()) return; // nobody listening (a script, a domain test)
	// Tracked, so a shutdown waits for the last tally before closing the database.
	void track(collect(meetingId, questionId));
}

async function collect(meetingId: string, questionId: string) {
	const keys = keysOf(meetingId);
	const replies = await redisTransaction((multi) =>
		multi
			.sAdd(keys.questions, questionId)
			.expire(keys.questions, strandedSeconds)
			.set(keys.window, '1', { condition: 'NX', expiration: { type: 'PX', value: windowLeaseMs } })
	);
	if (!replies) return collectHere(meetingId, questionId);
	if (replies[2] !== 'OK') return; // another instance's window is open: it sends the tally
	await wait(tallyWindowMs);
	// Taking the set and closing the window in one transaction: a question added after it opens
	// the next window.
	const taken = await redisTransaction((multi) =>
		multi.sMembers(keys.questions).del(keys.questions).del(keys.window)
	);
	if (!taken) return log.warn('tally for a meeting skipped: Redis failed during its window');
	await flush(meetingId, taken[0] as string[]);
}

const pending = new Map<string, Set<string>>();

/** The window of this instance alone (no Redis). */
async function collectHere(meetingId: string, questionId: string) {
	const questions = pending.get(meetingId);
	if (questions) return void questions.add(questionId);
	pending.set(meetingId, new Set([questionId]));
	await wait(tallyWindowMs);
	const ids = [...(pending.get(meetingId) ?? [])];
	pending.delete(meetingId);
	await flush(meetingId, ids);
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function flush(meetingId: string, ids: string[]) {
	if (!ids.length) return;
	try {
		const db = await getDb();
		await timeTally(async () => {
			const tally = await tallyOf(db, meetingId, ids);
			if (Object.keys(tally.counts).length) announceTally(meetingId, tally);
		});
	} catch (error) {
		log.warn(`tally for a meeting failed: ${describeError(error)}`);
	}
}
