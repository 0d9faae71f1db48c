import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { groupRoles, type GroupRole } from '../db/schema';
import { notAllowed, notSignedIn } from '../errors';
import type { SessionUser } from './session';
import { readOnce } from '../read-once';
import type { Locale } from '$lib/i18n';

/**
 * Who is acting: a signed-in user, or nobody (the public, an attendee without an account), and
 * the language they read, for text written on their behalf (a generated draft; default English).
 */
export type Actor = { user: SessionUser | null; locale?: Locale };

export type Role = GroupRole | 'site_admin';

/**
 * Every permission and the roles that hold it. Routes, form actions, API endpoints and socket
 * handlers all ask `authorise`; none decides on roles by itself.
 */
export const permissions = {
	'group.create': ['site_admin'],
	'officer.appoint.chair': ['site_admin'],
	'officer.appoint.vice_chair': ['site_admin', 'chair'],
	'officer.appoint.secretary': ['site_admin', 'chair'],
	/** Institution staff who answer written questions (and may do nothing else). */
	'officer.appoint.respondent': ['site_admin', 'chair'],
	'appeals.set': ['chair'],
	'meeting.manage': ['chair', 'secretary'],
	'attendance.record': ['chair', 'secretary'],
	'proposal.decide': ['chair'],
	/** Propose a motion as an officer (representatives propose for their organisation). */
	'motion.propose': ['chair', 'vice_chair', 'secretary'],
	/** Put a motion on a meeting's business, or decline it with a public reason. */
	'motion.schedule': ['chair', 'secretary'],
	/** Open and close the vote on a motion, in the live meeting. */
	'motion.vote.run': ['chair', 'vice_chair'],
	'motion.rules': ['chair'],
	/** Run the live meeting's speakers' list and set its current agenda item. */
	'speakers.chair': ['chair', 'secretary'],
	/** The group's default speaking turn. */
	'speakers.settings': ['chair'],
	'application.review': ['chair', 'secretary'],
	'application.decide': ['chair'],
	'membership.end': ['chair'],
	'membership.open': ['chair'],
	'membership.categories': ['chair'],
	'question.moderate': ['chair', 'secretary'],
	'question.answer': ['chair', 'secretary'],
	/** Record the institution's written answer: the secretary or a respondent (the chair too). */
	'question.answer.written': ['chair', 'secretary', 'respondent'],
	'minutes.write': ['chair', 'secretary'],
	'action.record': ['chair', 'secretary'],
	'action.update': ['chair', 'secretary'],
	'audit.read': ['site_admin', 'chair', 'vice_chair', 'secretary']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function requireUser(actor: Actor): SessionUser {
	if (!actor.user) throw notSignedIn();
	return actor.user;
}

/**
 * An appointment holds power while it has not ended: `endedAt` is null, or a term's end still
 * to come. Every check of a role goes through this at each request, so an ended officer loses
 * every power at once, open sockets included (a socket keeps the user, never their roles).
 */
export const currentAppointment = (now?: Date) =>
	or(isNull(groupRoles.endedAt), gt(groupRoles.endedAt, now ?? sql`now()`));

/** The roles a user holds now in a group (site admin included, if they are one). */
export async function rolesOf(db: Executor, user: SessionUser | null, groupId?: string) {
	const roles = new Set<Role>();
	if (!user) return roles;
	if (user.isSiteAdmin) roles.add('site_admin');
	if (groupId) {
		const rows = await readOnce(db, `roles:${user.id}:${groupId}`, () =>
			db
				.select({ role: groupRoles.role })
				.from(groupRoles)
				.where(
					and(eq(groupRoles.groupId, groupId), eq(groupRoles.userId, user.id), currentAppointment())
				)
		);
		for (const row of rows) roles.add(row.role);
	}
	return roles;
}

export function allows(roles: ReadonlySet<Role>, permission: Permission) {
	return permissions[permission].some((role: Role) => roles.has(role));
}

/** Returns the acting user when they hold `permission` (in `groupId`); otherwise throws 401/403. */
export async function authorise(
	db: Executor,
	actor: Actor,
	permission: Permission,
	groupId?: string
): Promise<SessionUser> {
	const user = requireUser(actor);
	if (!allows(await rolesOf(db, user, groupId), permission)) throw notAllowed();
	return user;
}
