import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../db';
import { applicationNotes, applications, users } from '../db/schema';
import { authorise, type Actor } from '../auth/authorise';
import { conflict, isUniqueViolation, notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { decisionSchema, noteSchema } from '$lib/schemas/membership';
import { getGroup } from '../groups/groups';
import { appendDecision, lockGroup } from '../decision-log/log';
import { categoryNameOf, explainUnchanged, findApplication, nowOf } from './common';
import type { Clock } from '../clock';
import { fromStatuses } from './rules';
import { decisionPayload } from './payload';
import { startMembership } from './memberships';
import { queueDecisionEmail } from './decision-email';
import { announceMail } from '../mail/outbox';

/** A chair or secretary takes an application under review. */
export async function startReview(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	options: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'application.review', group.id);
	// Not a UUID: no such application (PostgreSQL would refuse to compare it with one).
	if (!isUuid(id)) throw notFound('application.not_found');
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [row] = await tx
			.update(applications)
			.set({ status: 'under_review', reviewStartedAt: nowOf(options) })
			.where(
				and(
					eq(applications.id, id),
					eq(applications.groupId, group.id),
					inArray(applications.status, fromStatuses('review'))
				)
			)
			.returning();
		if (!row) return explainUnchanged(tx, group.id, id, 'review');
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'application.review',
			subject: id
		});
		return row;
	});
}

/** An internal note by a chair or secretary: private, never shown to the public or the applicant. */
export async function addPrivateNote(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'application.review', group.id);
	const data = parseInput(noteSchema, input);
	await findApplication(db, group.id, id);
	const [note] = await db
		.insert(applicationNotes)
		.values({ applicationId: id, authorId: user.id, body: data.body })
		.returning();
	return note;
}

export function listPrivateNotes(db: Executor, applicationId: string) {
	return db
		.select({
			id: applicationNotes.id,
			body: applicationNotes.body,
			createdAt: applicationNotes.createdAt,
			author: users.displayName
		})
		.from(applicationNotes)
		.leftJoin(users, eq(applicationNotes.authorId, users.id))
		.where(eq(applicationNotes.applicationId, applicationId))
		.orderBy(asc(applicationNotes.createdAt));
}

/**
 * The chair accepts, or refuses with a public reason. One decision per application, however many
 * arrive at once: the conditional update lets exactly one through; the log entry is in the same
 * transaction. Acceptance makes a membership. The applicant is emailed after commit.
 */
export async function decideApplication(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'application.decide', group.id);
	if (!isUuid(id)) throw notFound('application.not_found');
	const data = parseInput(decisionSchema, input);
	const now = nowOf(options);
	const decided = await db
		.transaction(async (tx) => {
			await lockGroup(tx, group.id);
			const [row] = await tx
				.update(applications)
				.set({
					status: data.outcome,
					decision: data.outcome,
					decidedAt: now,
					decidedByRole: 'chair',
					decidedBy: user.id,
					reason: data.reason ?? null
				})
				.where(
					and(
						eq(applications.id, id),
						eq(applications.groupId, group.id),
						inArray(applications.status, fromStatuses('decide'))
					)
				)
				.returning();
			if (!row) return explainUnchanged(tx, group.id, id, 'decide');
			if (data.outcome === 'accepted') await startMembership(tx, row, now);
			const kind = data.outcome === 'accepted' ? 'application.accepted' : 'application.refused';
			await appendDecision(tx, group.id, {
				kind,
				subject: `application:${row.id}`,
				at: now,
				payload: decisionPayload(row, await categoryNameOf(tx, row.categoryId), {
					reason: row.reason
				})
			});
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: kind,
				subject: id
			});
			await queueDecisionEmail(tx, row.id, kind);
			return { row, kind } as const;
		})
		.catch(alreadyMember);
	announceMail();
	return decided.row;
}

/** An organisation that is a member already cannot be accepted again: nothing is recorded. */
function alreadyMember(error: unknown): never {
	if (isUniqueViolation(error, 'memberships_current')) throw conflict('membership.already_member');
	throw error;
}

/** Appeals are decided in ./appeals (never by the officer whose decision is appealed). */
export { decideAppeal } from './appeals';
