import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../db';
import { applications, membershipCategories, memberships, type Application } from '../db/schema';
import { authorise, requireUser, type Actor } from '../auth/authorise';
import { conflict, invalidField, notFound } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { endMembershipSchema, reasonMinLength } from '$lib/schemas/membership';
import { getGroup } from '../groups/groups';
import { appendDecision, lockGroup } from '../decision-log/log';
import { categoryNameOf, nowOf } from './common';
import type { Clock } from '../clock';
import { isUuid } from '../validation';
import { queueDecisionEmail } from './decision-email';
import { announceMail } from '../mail/outbox';
import { isRepresentative } from './representatives';

/** Acceptance makes a membership, in the acceptance's transaction. */
export async function startMembership(tx: Transaction, app: Application, at: Date) {
	const [membership] = await tx
		.insert(memberships)
		.values({
			groupId: app.groupId,
			applicationId: app.id,
			organisationName: app.organisationName,
			organisationKey: app.organisationKey,
			categoryId: app.categoryId,
			startedAt: at
		})
		.returning();
	return membership;
}

/**
 * A membership ends by a representative's resignation (a reason is optional) or by the chair's
 * decision (a public reason is required). Either way it is a logged decision.
 */
export async function endMembership(
	db: Database,
	actor: Actor,
	groupSlug: string,
	membershipId: string,
	input: unknown,
	options: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	if (!isUuid(membershipId)) throw notFound('membership.not_found');
	const [current] = await db
		.select()
		.from(memberships)
		.where(and(eq(memberships.id, membershipId), eq(memberships.groupId, group.id)));
	if (!current) throw notFound('membership.not_found');
	const data = parseInput(endMembershipSchema, input);
	const resigning = await isRepresentative(db, current.applicationId, user.id);
	if (!resigning) {
		await authorise(db, actor, 'membership.end', group.id);
		if (!data.reason) throw invalidField('reason', 'validation.required');
		if (data.reason.length < reasonMinLength) {
			throw invalidField('reason', 'validation.too_short', { min: reasonMinLength });
		}
	}
	const endedBy = resigning ? ('resignation' as const) : ('chair' as const);
	const now = nowOf(options);
	const ended = await db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [row] = await tx
			.update(memberships)
			.set({ endedAt: now, endedBy, endReason: data.reason ?? null })
			.where(and(eq(memberships.id, membershipId), isNull(memberships.endedAt)))
			.returning();
		if (!row) throw conflict('membership.already_ended');
		await appendDecision(tx, group.id, {
			kind: 'membership.ended',
			subject: `membership:${row.id}`,
			at: now,
			payload: {
				membership: row.id,
				application: row.applicationId,
				organisation: row.organisationName,
				category: await categoryNameOf(tx, row.categoryId),
				endedBy,
				reason: row.endReason,
				role: resigning ? 'representative' : 'chair'
			}
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'membership.end',
			subject: row.id,
			details: { endedBy }
		});
		if (!resigning) await queueDecisionEmail(tx, row.applicationId, 'membership.ended');
		return row;
	});
	if (!resigning) announceMail();
	return ended;
}

/** Memberships past and present, with category names, oldest first. */
export function listMemberships(db: Executor, groupId: string) {
	return db
		.select({
			id: memberships.id,
			applicationId: memberships.applicationId,
			organisationName: memberships.organisationName,
			category: membershipCategories.name,
			categoryId: memberships.categoryId,
			website: applications.website,
			area: applications.area,
			startedAt: memberships.startedAt,
			endedAt: memberships.endedAt,
			endedBy: memberships.endedBy,
			endReason: memberships.endReason
		})
		.from(memberships)
		.innerJoin(membershipCategories, eq(memberships.categoryId, membershipCategories.id))
		.innerJoin(applications, eq(memberships.applicationId, applications.id))
		.where(eq(memberships.groupId, groupId))
		.orderBy(asc(memberships.startedAt), asc(memberships.id));
}

export type MembershipRow = Awaited<ReturnType<typeof listMemberships>>[number];

/** The public fields of a membership (API and exports): never the representative. */
export function publicMembership(m: MembershipRow) {
	return {
		id: m.id,
		applicationId: m.applicationId,
		organisation: {
			name: m.organisationName,
			category: m.category,
			website: m.website,
			area: m.area
		},
		startedAt: m.startedAt.toISOString(),
		endedAt: m.endedAt?.toISOString() ?? null,
		endedBy: m.endedBy,
		endReason: m.endReason
	};
}

/** The membership an application made, if it was accepted. */
export async function membershipOfApplication(db: Executor, applicationId: string) {
	const [row] = await db
		.select()
		.from(memberships)
		.where(eq(memberships.applicationId, applicationId));
	return row;
}
