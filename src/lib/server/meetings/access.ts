import { and, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { groups, meetings, type Group, type Meeting } from '../db/schema';
import { allows, authorise, rolesOf, type Actor, type Role } from '../auth/authorise';
import { conflict, notFound } from '../errors';
import { getGroup } from '../groups/groups';
import { isLocked, isPublic } from './rules';

/** The meeting at /g/[group]/meetings/[number], or a 404: a draft is unknown to all but officers. */
export async function findMeeting(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
): Promise<{ group: Group; meeting: Meeting; canManage: boolean; roles: Set<Role> }> {
	const n = Number(number);
	if (!Number.isSafeInteger(n) || n < 1) {
		await getGroup(db, groupSlug); // an unknown group is named as such
		throw notFound('meeting.not_found');
	}
	// The group and its meeting in one statement: every live join and meeting page reads them.
	const [row] = await db
		.select({ group: groups, meeting: meetings })
		.from(groups)
		.leftJoin(meetings, and(eq(meetings.groupId, groups.id), eq(meetings.number, n)))
		.where(eq(groups.slug, groupSlug.toLowerCase()));
	if (!row) throw notFound('group.not_found');
	const { group, meeting } = row;
	const roles = await rolesOf(db, actor.user, group.id);
	const canManage = allows(roles, 'meeting.manage');
	if (!meeting || (!isPublic(meeting.state) && !canManage)) throw notFound('meeting.not_found');
	return { group, meeting, canManage, roles };
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

/**
 * Reads the meeting's row locked, so concurrent changes queue behind each other. `update` (a
 * change of the meeting itself) holds up everything that references the meeting too; `no key
 * update` (what goes on within a meeting: motions, the speakers' list) excludes itself and a
 * change of the meeting's state, but not what only references the meeting (questions asked, votes
 * on them, attendance: key-share locks), so a busy live meeting is not held up meanwhile.
 */
export async function lockMeeting(
	db: Executor,
	meetingId: string,
	strength: 'update' | 'no key update' = 'update'
): Promise<Meeting> {
	const [meeting] = await db
		.select()
		.from(meetings)
		.where(eq(meetings.id, meetingId))
		.for(strength);
	if (!meeting) throw notFound('meeting.not_found');
	return meeting;
}

export function refuseIfAgendaLocked(meeting: Meeting) {
	if (isLocked(meeting.state)) throw conflict('agenda.locked');
}
