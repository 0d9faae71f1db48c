import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
import { newParticipantMs } from './participant';

/** What the console shows per question: votes in the last five minutes, and how many came from new participants. */
export type RecentVotes = { recent: number; fromNew: number };

/**
 * A burst: at least 10 votes on a question in five minutes from participants first seen in the
 * five minutes before voting, making at least half of its recent votes. A hall arriving at once
 * looks like this too: the console flags it for officers to judge, and tightening the rule (room
 * code, signed in) is theirs to do; votes already cast stay counted.
 */
export function isBurst({ recent, fromNew }: RecentVotes) {
	return fromNew >= 10 && fromNew * 2 >= recent;
}

/** Recent votes per question of a meeting (for officers only: it tells nothing about voters). */
export async function recentVotes(db: Executor, meetingId: string) {
	const window = sql.raw(`interval '${newParticipantMs / 1000} seconds'`);
	const rows = rowsOf<{ id: string; recent: number; fromNew: number }>(
		await db.execute(sql`select v.question_id as id, count(*)::int as recent,
				(count(*) filter (where v.from_new_participant))::int as "fromNew"
			from question_votes v join questions q on q.id = v.question_id
			where q.meeting_id = ${meetingId} and v.voted_at > now() - ${window}
			group by v.question_id`)
	);
	return Object.fromEntries(
		rows.map((r) => [r.id, { recent: Number(r.recent), fromNew: Number(r.fromNew) }])
	) as Record<string, RecentVotes>;
}
