import type { LiveMeeting } from '$lib/realtime/live-types';

/**
 * Questions are asked and voted on from when a meeting is scheduled (its agenda is then public:
 * questions in advance) until it closes; they enter the live meeting with their votes. Pinning
 * and answers wait for the meeting itself. The vote statement says the same in SQL
 * (`questionsOpenSql` in src/lib/server/questions/votes.ts).
 */
export function takesQuestions(state: LiveMeeting['state']) {
	return state === 'scheduled' || state === 'live';
}
