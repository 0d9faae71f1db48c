import type { LiveMeeting } from '$lib/realtime/live-types';

/**
 * Questions are asked and voted on from when a meeting is scheduled (its agenda is then public:
 * questions in advance) until it closes; they enter the live meeting with their votes. Pinning
 * and answers wait for the meeting itself. The vote statement and `/join` read the same list
 * in SQL.
 */
export const questionStates = ['scheduled', 'live'] as const satisfies LiveMeeting['state'][];

export function takesQuestions(state: LiveMeeting['state']) {
	return (questionStates as readonly string[]).includes(state);
}
