import { and, asc, eq, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetings, memberships, writtenQuestions, type Group } from '../db/schema';
import { lateness } from '../written/rules';

/**
 * Written questions on the ledger (issue 18): each with its due date, the date it was answered
 * and how late. `written` while the answer is due (overdue past its due date), then
 * `answered_in_writing`, the answer itself its resolution.
 */
export const writtenStatuses = ['written', 'answered_in_writing'] as const;

/** Which written questions: by status, and overdue ones alone. */
export function writtenCondition(
	group: Pick<Group, 'id'>,
	filter: { status?: string; overdueOnly: boolean },
	today: string
): SQL | undefined {
	return and(
		eq(writtenQuestions.groupId, group.id),
		filter.status === 'written' || filter.overdueOnly ? isNull(writtenQuestions.answer) : undefined,
		filter.status === 'answered_in_writing' ? isNotNull(writtenQuestions.answer) : undefined,
		filter.overdueOnly ? lt(writtenQuestions.dueOn, today) : undefined
	);
}

/** Held meetings since it was asked (or the meeting that sent it), until answered or now. */
function timesRaised(groupId: string, now: SQL) {
	return sql<number>`(
		select count(*)::int from meetings h
		where h.group_id = ${groupId} and h.state in ('live', 'closed')
			and (h.id = ${writtenQuestions.meetingId}
				or (h.starts_at >= ${writtenQuestions.askedAt}
					and h.starts_at <= coalesce(${writtenQuestions.answeredAt}, ${now})))
	)`;
}

/** The rows, in the ledger item's shape (items.ts merges them in). */
export async function writtenLedgerRows(
	db: Executor,
	group: Group,
	filter: { status?: string; overdueOnly: boolean },
	today: string,
	now: Date
) {
	const rows = await db
		.select({
			written: writtenQuestions,
			meetingNumber: meetings.number,
			organisation: memberships.organisationName,
			timesRaised: timesRaised(group.id, sql`${now.toISOString()}::timestamptz`)
		})
		.from(writtenQuestions)
		.leftJoin(meetings, eq(writtenQuestions.meetingId, meetings.id))
		.leftJoin(memberships, eq(writtenQuestions.membershipId, memberships.id))
		.where(writtenCondition(group, filter, today))
		.orderBy(asc(writtenQuestions.askedAt), asc(writtenQuestions.id));
	return rows.map(({ written: w, meetingNumber, organisation, timesRaised }) => {
		const late = lateness(w.dueOn, w.answeredOn, today);
		return {
			id: w.id,
			text: w.text,
			questionId: w.questionId,
			meetingNumber: meetingNumber ?? null,
			organisation: organisation ?? null,
			arisenAt: w.askedAt,
			answeredAt: w.answeredAt,
			dueOn: w.dueOn,
			status: w.answer === null ? ('written' as const) : ('answered_in_writing' as const),
			overdue: late.state === 'overdue',
			answeredOn: w.answeredOn,
			daysLate: late.state === 'overdue' || late.state === 'answered_late' ? late.days : 0,
			timesRaised: Number(timesRaised),
			answer: w.answer
		};
	});
}

/** For the group page: written answers due, and how many of them are overdue. */
export async function writtenSummary(db: Executor, group: Pick<Group, 'id'>, today: string) {
	const [row] = await db
		.select({
			due: sql<number>`(count(*) filter (where ${writtenQuestions.answer} is null))::int`,
			overdue: sql<number>`(count(*) filter (where ${writtenQuestions.answer} is null
				and ${writtenQuestions.dueOn} < ${today}))::int`
		})
		.from(writtenQuestions)
		.where(eq(writtenQuestions.groupId, group.id));
	return { due: Number(row.due), overdue: Number(row.overdue) };
}
