import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../db';
import { applications, memberships, representatives, users } from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { conflict, notAllowed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { removeRepresentativeSchema } from '$lib/schemas/representatives';
import { getGroup } from '../groups/groups';
import { findApplication, nowOf } from './common';
import type { Clock } from '../clock';

/**
 * Who acts for an organisation: its current representatives (`representatives`, keyed by the
 * application). Every check that someone acts for an organisation goes through this file.
 */

const current = isNull(representatives.removedAt);

/** The applications whose organisations `userId` acts for now (a subquery for `inArray`). */
export function representedBy(db: Executor, userId: string) {
	return db
		.select({ id: representatives.applicationId })
		.from(representatives)
		.where(and(eq(representatives.userId, userId), current));
}

/** The people acting for the organisation of `applicationId` now (a subquery for `inArray`). */
export function representativeIdsOf(db: Executor, applicationId: string) {
	return db
		.select({ id: representatives.userId })
		.from(representatives)
		.where(and(eq(representatives.applicationId, applicationId), current));
}

export async function isRepresentative(db: Executor, applicationId: string, userId: string) {
	const [row] = await db
		.select({ id: representatives.id })
		.from(representatives)
		.where(
			and(
				eq(representatives.applicationId, applicationId),
				eq(representatives.userId, userId),
				current
			)
		);
	return row !== undefined;
}

/** Whether the account with this (lower-cased) email acts for the organisation already. */
export async function representsByEmail(db: Executor, applicationId: string, email: string) {
	const [row] = await db
		.select({ id: representatives.id })
		.from(representatives)
		.innerJoin(users, eq(users.id, representatives.userId))
		.where(and(eq(representatives.applicationId, applicationId), eq(users.email, email), current));
	return row !== undefined;
}

/**
 * The signed-in user acting for the organisation of application `id` in the group: refused
 * unless they are one of its current representatives.
 */
export async function actingFor(db: Executor, actor: Actor, groupSlug: string, id: string) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const app = await findApplication(db, group.id, id);
	if (!(await isRepresentative(db, app.id, user.id))) throw notAllowed('application.not_yours');
	return { user, group, app };
}

/** Adds a current representative (the applicant on applying; an invitee on accepting). */
export async function addRepresentative(
	tx: Transaction,
	applicationId: string,
	userId: string,
	addedBy: string | null,
	at: Date
) {
	await tx.insert(representatives).values({ applicationId, userId, addedBy, addedAt: at });
}

/** The organisation's current representatives, as its representatives and officers see them. */
export function listRepresentatives(db: Executor, applicationId: string) {
	return db
		.select({
			userId: users.id,
			displayName: users.displayName,
			email: users.email,
			addedAt: representatives.addedAt
		})
		.from(representatives)
		.innerJoin(users, eq(users.id, representatives.userId))
		.where(and(eq(representatives.applicationId, applicationId), current))
		.orderBy(asc(representatives.addedAt), asc(users.displayName));
}

/**
 * A representative removes another, or leaves (removing themselves). The last one may leave:
 * the organisation keeps its standing (a membership its seat), and its officers see it has
 * nobody acting for it. Audited (privately), never logged as a decision.
 */
export async function removeRepresentative(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const { user, group, app } = await actingFor(db, actor, groupSlug, id);
	const { userId } = parseInput(removeRepresentativeSchema, input);
	return db.transaction(async (tx) => {
		const [removed] = await tx
			.update(representatives)
			.set({ removedAt: nowOf(options), removedBy: user.id })
			.where(
				and(eq(representatives.applicationId, app.id), eq(representatives.userId, userId), current)
			)
			.returning();
		if (!removed) throw conflict('representative.not_current');
		const remaining = await recordRemoval(tx, {
			by: user.id,
			representative: userId,
			groupId: group.id,
			applicationId: app.id,
			organisation: app.organisationName
		});
		return { removed, remaining };
	});
}

/**
 * The audit entry of a representative going: `representative.left` when they went themselves,
 * `representative.removed` when another took them off, with how many remain. Returns that count.
 */
async function recordRemoval(
	tx: Executor,
	gone: {
		by: string;
		representative: string;
		groupId: string;
		applicationId: string;
		organisation: string;
	}
) {
	const remaining = (await listRepresentatives(tx, gone.applicationId)).length;
	await recordAudit(tx, {
		actorId: gone.by,
		groupId: gone.groupId,
		action: gone.by === gone.representative ? 'representative.left' : 'representative.removed',
		subject: gone.applicationId,
		details: { organisation: gone.organisation, representative: gone.representative, remaining }
	});
	return remaining;
}

/**
 * Someone stops acting for every organisation at once (their account is being deleted), inside
 * the caller's transaction: each is recorded as their leaving, as if they had left one by one.
 */
export async function leaveEveryOrganisation(tx: Executor, userId: string, now: Date) {
	const left = await tx
		.update(representatives)
		.set({ removedAt: now, removedBy: userId })
		.where(and(eq(representatives.userId, userId), current))
		.returning({ applicationId: representatives.applicationId });
	for (const { applicationId } of left) {
		const [app] = await tx
			.select({ groupId: applications.groupId, organisationName: applications.organisationName })
			.from(applications)
			.where(eq(applications.id, applicationId));
		await recordRemoval(tx, {
			by: userId,
			representative: userId,
			groupId: app.groupId,
			applicationId,
			organisation: app.organisationName
		});
	}
	return left.length;
}

/**
 * The group's current memberships with nobody acting for them (the last representative left):
 * they keep their seats, and their officers are shown they have no representative.
 */
export async function unrepresentedMemberships(db: Executor, groupId: string) {
	const rows = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(
			and(
				eq(memberships.groupId, groupId),
				isNull(memberships.endedAt),
				notInArray(
					memberships.applicationId,
					db.select({ id: representatives.applicationId }).from(representatives).where(current)
				)
			)
		);
	return rows.map((r) => r.id);
}
