import { eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { minutes, type Group, type Meeting, type Minutes } from '../db/schema';
import { allows, authorise, rolesOf, type Actor } from '../auth/authorise';
import type { SessionUser } from '../auth/session';
import { conflict } from '../errors';
import { findMeeting } from '../meetings/access';

export type MinutesContext = {
	group: Group;
	meeting: Meeting;
	/** The draft and the published version number; absent until the meeting has closed. */
	minutes: Minutes | undefined;
	canEdit: boolean;
};

export async function minutesOf(db: Executor, meetingId: string) {
	const [row] = await db.select().from(minutes).where(eq(minutes.meetingId, meetingId));
	return row;
}

/** The minutes of /g/[group]/meetings/[n] as the actor may see them (404 for a hidden meeting). */
export async function minutesContext(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
): Promise<MinutesContext> {
	const { group, meeting } = await findMeeting(db, actor, groupSlug, number);
	const canEdit = allows(await rolesOf(db, actor.user, group.id), 'minutes.write');
	return { group, meeting, minutes: await minutesOf(db, meeting.id), canEdit };
}

/** For the secretary's and chair's operations: the officer and the minutes' context. */
export async function minutesForChange(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string
): Promise<MinutesContext & { user: SessionUser }> {
	const context = await minutesContext(db, actor, groupSlug, number);
	const user = await authorise(db, actor, 'minutes.write', context.group.id);
	if (context.meeting.state !== 'closed') throw conflict('minutes.not_closed');
	return { ...context, user };
}

/** Reads the minutes' row locked for update: publications of one meeting queue one behind another. */
export async function lockMinutes(tx: Executor, meetingId: string) {
	const [row] = await tx
		.select()
		.from(minutes)
		.where(eq(minutes.meetingId, meetingId))
		.for('update');
	if (!row) throw conflict('minutes.no_draft');
	return row;
}
