/**
 * Due dates and lateness of written questions: pure rules on calendar dates (YYYY-MM-DD, UTC),
 * shared by the ledger, the written questions page and the open data.
 */

/** Days the institution has to answer in writing, unless the chair sets another date. */
export const writtenAnswerDays = 28;

const day = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / day);

/** A date as YYYY-MM-DD (UTC). */
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The default due date of a question sent or asked on `today` (the group's date). */
export function defaultDueOn(today: string, days = writtenAnswerDays) {
	return isoDay(new Date((dayNumber(today) + days) * day));
}

export type Lateness =
	/** Unanswered, due date still to come (or today). */
	| { state: 'due' }
	/** Unanswered past its due date, by `days`. */
	| { state: 'overdue'; days: number }
	| { state: 'answered_in_time' }
	/** Answered `days` after it was due. */
	| { state: 'answered_late'; days: number };

/** Where a written question stands on `today`: due, overdue by N days, answered (N days late). */
export function lateness(dueOn: string, answeredOn: string | null, today: string): Lateness {
	if (answeredOn) {
		const late = dayNumber(answeredOn) - dayNumber(dueOn);
		return late > 0 ? { state: 'answered_late', days: late } : { state: 'answered_in_time' };
	}
	const overdue = dayNumber(today) - dayNumber(dueOn);
	return overdue > 0 ? { state: 'overdue', days: overdue } : { state: 'due' };
}
