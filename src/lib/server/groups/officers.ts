import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../db';
import { groupRoles, users, type GroupRole } from '../db/schema';
import { authorise, currentAppointment, requireUser, rolesOf, type Actor } from '../auth/authorise';
import { conflict, invalidField, notAllowed, notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { emit } from '../events';
import { appendDecision, lockGroup } from '../decision-log/log';
import { appointSchema, endAppointmentSchema } from '$lib/schemas/groups';
import { getGroup } from './groups';
import type { Clock } from '../clock';

const appointPermission = {
	chair: 'officer.appoint.chair',
	vice_chair: 'officer.appoint.vice_chair',
	secretary: 'officer.appoint.secretary',
	respondent: 'officer.appoint.respondent'
} as const;

/** The start of a date (UTC): when a term given as a date ends. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The site admin appoints a chair; a chair (or the site admin) appoints vice-chairs and
 * secretaries, for an open-ended appointment or a term ending on a date. A logged decision.
 */
export async function appointOfficer(
	db: Database,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	options: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const data = parseInput(appointSchema, input);
	const user = await authorise(db, actor, appointPermission[data.role], group.id);
	const now = options.now ?? new Date();
	const termEnd = data.termEndsOn ? startOfDay(data.termEndsOn) : null;
	if (termEnd && termEnd <= now) throw invalidField('termEndsOn', 'officer.term_past');
	const [appointee] = await db
		.select({
			id: users.id,
			displayName: users.displayName,
			confirmedAt: users.emailConfirmedAt
		})
		.from(users)
		.where(eq(users.email, data.email));
	if (!appointee) throw invalidField('email', 'appoint.no_account');
	// Anyone can sign up with any address: only one whose owner followed our link is theirs.
	if (!appointee.confirmedAt) throw invalidField('email', 'appoint.unconfirmed');
	const byRole = user.isSiteAdmin ? 'site_admin' : 'chair';
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [holding] = await tx
			.select({ id: groupRoles.id })
			.from(groupRoles)
			.where(
				and(
					eq(groupRoles.groupId, group.id),
					eq(groupRoles.userId, appointee.id),
					eq(groupRoles.role, data.role),
					currentAppointment(now)
				)
			);
		if (holding) throw conflict('appoint.already', 'email');
		const [appointment] = await tx
			.insert(groupRoles)
			.values({
				groupId: group.id,
				userId: appointee.id,
				role: data.role,
				appointedBy: user.id,
				appointedAt: now,
				endedAt: termEnd,
				endedHow: termEnd ? 'term' : null
			})
			.returning();
		await appendDecision(tx, group.id, {
			kind: 'officer.appointed',
			subject: `appointment:${appointment.id}`,
			at: now,
			payload: {
				appointment: appointment.id,
				officer: appointee.displayName,
				role: data.role,
				termEndsOn: data.termEndsOn || null,
				by: byRole
			}
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'officer.appoint',
			subject: appointee.id,
			details: { role: data.role }
		});
		return { ...appointment, displayName: appointee.displayName };
	});
}

/** Who may end an appointment, other than the officer themself: pure, for the page and the rule. */
export function mayRemove(roles: ReadonlySet<string>, role: GroupRole) {
	if (roles.has('site_admin')) return true;
	return role !== 'chair' && roles.has('chair');
}

/**
 * An appointment ends: the officer resigns (a reason optional), or is removed with a public
 * reason — a vice-chair or secretary by the chair, anyone by the site admin. At once: the next
 * request of the officer, on any page or open socket, finds no power.
 */
export async function endAppointment(
	db: Database,
	actor: Actor,
	groupSlug: string,
	appointmentId: string,
	input: unknown,
	options: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(endAppointmentSchema, input);
	const now = options.now ?? new Date();
	if (!isUuid(appointmentId)) throw notFound('officer.not_found');
	const ended = await db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [appointment] = await tx
			.select({ row: groupRoles, displayName: users.displayName })
			.from(groupRoles)
			.innerJoin(users, eq(groupRoles.userId, users.id))
			.where(and(eq(groupRoles.id, appointmentId), eq(groupRoles.groupId, group.id)));
		if (!appointment) throw notFound('officer.not_found');
		const { row } = appointment;
		const resigning = row.userId === user.id;
		if (!resigning && !mayRemove(await rolesOf(tx, user, group.id), row.role)) {
			throw notAllowed('officer.not_yours');
		}
		if (!resigning && !data.reason) throw invalidField('reason', 'officer.reason_required');
		const [ended] = await tx
			.update(groupRoles)
			.set({
				endedAt: now,
				endedBy: user.id,
				endedHow: resigning ? 'resignation' : 'removal',
				endReason: data.reason ?? null
			})
			.where(and(eq(groupRoles.id, row.id), currentAppointment(now)))
			.returning();
		if (!ended) throw conflict('officer.already_ended');
		const how = ended.endedHow!;
		const byRole = resigning ? row.role : user.isSiteAdmin ? 'site_admin' : 'chair';
		await appendDecision(tx, group.id, {
			kind: 'officer.ended',
			subject: `appointment:${row.id}`,
			at: now,
			payload: {
				appointment: row.id,
				officer: appointment.displayName,
				role: row.role,
				how,
				reason: ended.endReason,
				by: byRole
			}
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'officer.end',
			subject: row.userId,
			details: { role: row.role, how }
		});
		return ended;
	});
	emit('officer:ended', { userId: ended.userId });
	return ended;
}

const appointer = alias(users, 'appointer');

/** Officers past and present: a public record of who ran the group, and who appointed them. */
export function listOfficers(
	db: Executor,
	groupId: string,
	options: { currentOnly?: boolean } = {}
) {
	return db
		.select({
			id: groupRoles.id,
			userId: groupRoles.userId,
			role: groupRoles.role,
			displayName: users.displayName,
			appointedAt: groupRoles.appointedAt,
			appointedBy: appointer.displayName,
			endedAt: groupRoles.endedAt,
			endedHow: groupRoles.endedHow,
			endReason: groupRoles.endReason
		})
		.from(groupRoles)
		.innerJoin(users, eq(groupRoles.userId, users.id))
		.leftJoin(appointer, eq(groupRoles.appointedBy, appointer.id))
		.where(
			and(eq(groupRoles.groupId, groupId), options.currentOnly ? currentAppointment() : undefined)
		)
		.orderBy(asc(groupRoles.role), asc(groupRoles.appointedAt));
}

/** The groups in which a user holds a role now, for their account page. */
export function rolesOfUser(db: Executor, userId: string) {
	return db
		.select({ role: groupRoles.role, groupId: groupRoles.groupId })
		.from(groupRoles)
		.where(and(eq(groupRoles.userId, userId), currentAppointment()));
}
