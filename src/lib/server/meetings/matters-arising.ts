import type { Executor } from '../db';

/** An action agreed at an earlier meeting and not yet done (from the minutes and ledger issue). */
export type ActionArising = {
	kind: 'action';
	id: string;
	text: string;
	owner: string;
	dueOn: string | null;
	fromMeeting: number;
};

/** A question deferred or left unanswered at an earlier meeting (from the live Q&A issue). */
export type QuestionArising = {
	kind: 'question';
	id: string;
	text: string;
	status: 'deferred' | 'not_answered';
	fromMeeting: number;
};

export type MatterArising = ActionArising | QuestionArising;

/**
 * What the agenda carries forward under "Matters arising": open actions, and deferred or
 * unanswered questions, from the group's meetings before this one.
 *
 * The questions and actions tables arrive with the live Q&A and minutes/ledger issues. When they
 * land, each adds one query here (questions of earlier meetings of `groupId` with status
 * `deferred` or `not_answered`; actions of `groupId` not done), maps rows to the types above and
 * returns them oldest meeting first. Until then nothing can be outstanding, so the list is empty;
 * the pages, the API and the types already show and carry whatever this returns.
 */
export async function mattersArising(
	db: Executor,
	groupId: string,
	meetingId: string
): Promise<MatterArising[]> {
	void db;
	void groupId;
	void meetingId;
	return [];
}
