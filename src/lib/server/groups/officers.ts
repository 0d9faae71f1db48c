import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../db';
import { groupRoles, users } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, invalidField, isUniqueViolation } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appointSchema } from '$lib/schemas/groups';
import { getGroup } from './groups';

/** The site admin appoints a chair; a chair (or the site admin) appoints secretaries. */
export async function appointOfficer(
	db: Database,
	actor: Actor,
	groupSlug: string,
	input: unknown
) {
	const group = await getGroup(db, groupSlug);
	const data = parseInput(appointSchema, input);
	const user = await authorise(
		db,
		actor,
		data.role === 'chair' ? 'officer.appoint.chair' : 'officer.appoint.secretary',
		group.id
	);
	const [appointee] = await db
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(eq(users.email, data.email));
	if (!appointee) throw invalidField('email', 'appoint.no_account');
	try {
		return await db.transaction(async (tx) => {
			const [appointment] = await tx
				.insert(groupRoles)
				.values({ groupId: group.id, userId: appointee.id, role: data.role, appointedBy: user.id })
				.returning();
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: 'officer.appoint',
				subject: appointee.id,
				details: { role: data.role }
			});
			return { ...appointment, displayName: appointee.displayName };
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw conflict('appoint.already', 'email');
		throw error;
	}
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
			role: groupRoles.role,
			displayName: users.displayName,
			appointedAt: groupRoles.appointedAt,
			appointedBy: appointer.displayName,
			endedAt: groupRoles.endedAt
		})
		.from(groupRoles)
		.innerJoin(users, eq(groupRoles.userId, users.id))
		.leftJoin(appointer, eq(groupRoles.appointedBy, appointer.id))
		.where(
			and(
				eq(groupRoles.groupId, groupId),
				options.currentOnly ? isNull(groupRoles.endedAt) : undefined
			)
		)
		.orderBy(asc(groupRoles.role), asc(groupRoles.appointedAt));
}

/** The groups in which a user holds a role now, for their account page. */
export function rolesOfUser(db: Executor, userId: string) {
	return db
		.select({ role: groupRoles.role, groupId: groupRoles.groupId })
		.from(groupRoles)
		.where(and(eq(groupRoles.userId, userId), isNull(groupRoles.endedAt)));
}
