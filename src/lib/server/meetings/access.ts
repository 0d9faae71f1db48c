import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { meetings, type Group, type Meeting } from '../db/schema';
import { allows, authorise, rolesOf, type Actor } from '../auth/authorise';
import { conflict, notFound } from '../errors';
import { getGroup } from '../groups/groups';
import { isLocked, isPublic } from './rules';

/** The meeting at /g/[group]/meetings/[number], or a 404: a draft is unknown to all but officers. */
export async function findMeeting(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
): Promise<{ group: Group; meeting: Meeting; canManage: boolean }> {
	const group = await getGroup(db, groupSlug);
	const n = Number(number);
	if (!Number.isSafeInteger(n) || n < 1) throw notFound('meeting.not_found');
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(and(eq(meetings.groupId, group.id), eq(meetings.number, n)));
	const canManage = allows(await rolesOf(db, actor.user, group.id), 'meeting.manage');
	if (!meeting || (!isPublic(meeting.state) && !canManage)) throw notFound('meeting.not_found');
	return { group, meeting, canManage };
}

/** For changes: the officer, the group and the meeting (read again inside the transaction). */
export async function meetingForChange(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'meeting.manage', group.id);
	const { meeting } = await findMeeting(db, actor, groupSlug, number);
	return { group, user, meeting };
}

/** Reads the meeting's row locked for update, so concurrent changes queue behind each other. */
export async function lockMeeting(db: Executor, meetingId: string): Promise<Meeting> {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(eq(meetings.id, meetingId))
		.for('update');
	if (!meeting) throw notFound('meeting.not_found');
	return meeting;
}

export function refuseIfAgendaLocked(meeting: Meeting) {
	if (isLocked(meeting.state)) throw conflict('agenda.locked');
}
