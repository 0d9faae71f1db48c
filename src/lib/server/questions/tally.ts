import { getDb } from '../db';
import { describeError, log } from '../log';
import { announceTally } from '../realtime/broadcast';
import { socketServer } from '../realtime/attach';
import { track } from '../realtime/in-flight';
import { liveSettings, voteCounts } from './live';

/**
 * Votes are not broadcast one by one: a hall voting at once would multiply into millions of
 * messages. Each instance collects the questions voted on per meeting and, at most once per
 * window, broadcasts their exact counts (read from the database, so any instance may send them).
 * The pending set is only an optimisation: losing it loses no vote.
 */
export const tallyWindowMs = 50;

const pending = new Map<string, Set<string>>();

export function scheduleTally(meetingId: string, questionId: string) {
	if (!socketServer()) return; // nobody listening (a script, a domain test)
	let questions = pending.get(meetingId);
	if (!questions) {
		questions = new Set();
		pending.set(meetingId, questions);
		// Tracked, so a shutdown waits for the last tally before closing the database.
		void track(
			new Promise<void>((resolve) =>
				setTimeout(() => void flush(meetingId).finally(resolve), tallyWindowMs)
			)
		);
	}
	questions.add(questionId);
}

async function flush(meetingId: string) {
	const questions = pending.get(meetingId);
	pending.delete(meetingId);
	if (!questions?.size) return;
	try {
		const db = await getDb();
		const ids = [...questions];
		const [counts, settings] = await Promise.all([
			voteCounts(db, ids),
			liveSettings(db, meetingId)
		]);
		announceTally(
			meetingId,
			settings.seq,
			Object.fromEntries(ids.map((id) => [id, counts.get(id) ?? 0]))
		);
	} catch (error) {
		log.warn(`tally for a meeting failed: ${describeError(error)}`);
	}
}
