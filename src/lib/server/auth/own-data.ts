import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import {
	applications,
	auditLog,
	groupRoles,
	groups,
	meetings,
	questions,
	representatives,
	sessions,
	users
} from '../db/schema';
import { notFound } from '../errors';
import { parseInput } from '../validation';
import { endSessionSchema } from '$lib/schemas/accounts';
import { requireUser, type Actor } from './authorise';
import { invalidateSession } from './session';

/**
 * What a person may see and do about their own account beyond its settings: the sessions it has
 * open (and ending them), and a copy of the data kept about them.
 */

/** The account's sessions, newest first; `current` marks the one asking. */
export async function ownSessions(db: Executor, userId: string, currentId: string | null) {
	const rows = await db
		.select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
		.from(sessions)
		.where(eq(sessions.userId, userId))
		.orderBy(desc(sessions.createdAt));
	return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

/** Ends one of the account's own sessions (its live connections close too); never another's. */
export async function endOwnSession(db: Database, actor: Actor, input: unknown) {
	const user = requireUser(actor);
	const { session } = parseInput(endSessionSchema, input);
	const [own] = await db
		.select({ id: sessions.id })
		.from(sessions)
		.where(and(eq(sessions.id, session), eq(sessions.userId, user.id)));
	if (!own) throw notFound();
	await invalidateSession(db, own.id);
}

/**
 * Everything kept about the person, as JSON: the account (never its password hash), sessions,
 * roles, the organisations they act or acted for, their applications as sent, the questions they
 * asked under their name, and what the audit trail records them doing. Questions asked
 * anonymously are not here: nothing links them to anyone, this account included.
 */
export async function exportOwnData(db: Database, actor: Actor, now = new Date()) {
	const user = requireUser(actor);
	const [account] = await db
		.select({
			email: users.email,
			displayName: users.displayName,
			locale: users.locale,
			isSiteAdmin: users.isSiteAdmin,
			emailConfirmedAt: users.emailConfirmedAt,
			createdAt: users.createdAt
		})
		.from(users)
		.where(eq(users.id, user.id));
	const [sessionRows, roles, represents, applied, asked, actions] = await Promise.all([
		db
			.select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
			.from(sessions)
			.where(eq(sessions.userId, user.id))
			.orderBy(asc(sessions.createdAt)),
		db
			.select({
				group: groups.slug,
				role: groupRoles.role,
				appointedAt: groupRoles.appointedAt,
				endedAt: groupRoles.endedAt,
				endedHow: groupRoles.endedHow
			})
			.from(groupRoles)
			.innerJoin(groups, eq(groupRoles.groupId, groups.id))
			.where(eq(groupRoles.userId, user.id))
			.orderBy(asc(groupRoles.appointedAt)),
		db
			.select({
				group: groups.slug,
				organisation: applications.organisationName,
				application: applications.id,
				addedAt: representatives.addedAt,
				removedAt: representatives.removedAt
			})
			.from(representatives)
			.innerJoin(applications, eq(representatives.applicationId, applications.id))
			.innerJoin(groups, eq(applications.groupId, groups.id))
			.where(eq(representatives.userId, user.id))
			.orderBy(asc(representatives.addedAt)),
		db
			.select({ application: applications, group: groups.slug })
			.from(applications)
			.innerJoin(groups, eq(applications.groupId, groups.id))
			.where(eq(applications.applicantId, user.id))
			.orderBy(asc(applications.submittedAt)),
		db
			.select({
				group: groups.slug,
				meeting: meetings.number,
				text: questions.text,
				askerName: questions.askerName,
				askedAt: questions.askedAt,
				state: questions.state,
				answerStatus: questions.answerStatus
			})
			.from(questions)
			.innerJoin(meetings, eq(questions.meetingId, meetings.id))
			.innerJoin(groups, eq(meetings.groupId, groups.id))
			.where(and(eq(questions.askerUserId, user.id), eq(questions.anonymous, false)))
			.orderBy(asc(questions.askedAt)),
		db
			.select({
				at: auditLog.at,
				action: auditLog.action,
				subject: auditLog.subject,
				group: groups.slug
			})
			.from(auditLog)
			.leftJoin(groups, eq(auditLog.groupId, groups.id))
			.where(eq(auditLog.actorId, user.id))
			.orderBy(asc(auditLog.id))
	]);
	return {
		exportedAt: now.toISOString(),
		account,
		sessions: sessionRows,
		roles,
		represents,
		applications: applied.map(
			({ application: { applicantId: _, decidedBy: __, ...rest }, group }) => ({
				group,
				...rest
			})
		),
		namedQuestions: asked,
		actions
	};
}
