import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { applications, type Application } from '../db/schema';
import { requireUser, type Actor } from '../auth/authorise';
import { requireConfirmedEmail } from '../auth/account-links';
import { consume, limits } from '../rate-limit';
import { conflict, invalidField, isUniqueViolation } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appealSchema, applySchema } from '$lib/schemas/membership';
import type { Locale } from '$lib/i18n';
import { getGroup } from '../groups/groups';
import { appendDecision, lockGroup } from '../decision-log/log';
import { activeCategories } from './categories';
import { explainUnchanged, findApplication, nowOf } from './common';
import { actingFor, addRepresentative } from './representatives';
import type { Clock } from '../clock';
import { currentOpening } from './openness';
import { fromStatuses, organisationKey } from './rules';
import { decisionPayload } from './payload';
import { queueDecisionEmail } from './decision-email';
import { announceMail } from '../mail/outbox';
import { routeAppeal } from './appeals';

/**
 * A signed-in applicant applies on behalf of an organisation. One open application per
 * organisation and group. While membership is closed the application is still recorded, and
 * refused at once with the closure's public reason: logged like any decision, but as what it is,
 * automatic (role `automatic`, no officer's role), so no record says an officer considered it.
 */
export async function applyForMembership(
	db: Database,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	options: Clock & { locale?: Locale } = {}
): Promise<Application> {
	const user = requireUser(actor);
	// An unconfirmed address could be anyone's: decisions are emailed to it, and it represents.
	requireConfirmedEmail(user);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(applySchema, input);
	const categories = await activeCategories(db, group.id);
	const wanted = data.organisation.category.toLowerCase();
	const category = categories.find((c) => c.id === wanted || c.name.toLowerCase() === wanted);
	if (!category) throw invalidField('organisation.category', 'validation.choice');
	await consume(db, limits.applyPerAccount, user.id);
	const now = nowOf(options);
	let application: Application;
	try {
		application = await db.transaction(async (tx) => {
			const { membershipOpen } = await lockGroup(tx, group.id);
			const closure = membershipOpen ? undefined : await currentOpening(tx, group.id);
			// A closure always has its public reason. A group created closed before that rule has
			// none, and nothing is refused without one: its applications wait for the chair.
			const refuseNow = closure !== undefined && !closure.open;
			const [row] = await tx
				.insert(applications)
				.values({
					groupId: group.id,
					applicantId: user.id,
					organisationName: data.organisation.name,
					organisationKey: organisationKey(data.organisation.name),
					categoryId: category.id,
					website: data.organisation.website ?? null,
					area: data.organisation.area,
					description: data.organisation.description,
					contactName: data.contact.name,
					contactEmail: data.contact.email,
					statement: data.statement,
					locale: options.locale ?? 'en',
					submittedAt: now,
					...(!refuseNow
						? {}
						: {
								status: 'refused' as const,
								decision: 'refused' as const,
								decidedAt: now,
								// Nobody considered it: no officer's role. Whoever closed membership stays
								// answerable (privately, `decidedBy`): they may not decide its appeal.
								decidedByRole: null,
								decidedBy: closure.decidedBy,
								reason: closure.reason,
								refusedWhileClosed: true
							})
				})
				.returning();
			// The applicant is the organisation's first representative.
			await addRepresentative(tx, row.id, user.id, null, now);
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: 'application.submit',
				subject: row.id
			});
			if (refuseNow) {
				await appendDecision(tx, group.id, {
					kind: 'application.refused',
					subject: `application:${row.id}`,
					at: now,
					payload: decisionPayload(row, category.name, {
						role: 'automatic',
						reason: row.reason,
						closed: true,
						reviewOn: closure.reviewOn
					})
				});
				await queueDecisionEmail(tx, row.id, 'application.refused');
			}
			return row;
		});
	} catch (error) {
		if (isUniqueViolation(error, 'applications_one_open')) {
			throw conflict('application.already_open', 'organisation.name');
		}
		throw error;
	}
	if (application.status === 'refused') announceMail();
	return application;
}

/** A representative withdraws before a decision. Not a decision of the group: audited, not logged. */
export async function withdrawApplication(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	options: Clock = {}
) {
	const { user, group } = await actingFor(db, actor, groupSlug, id);
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [row] = await tx
			.update(applications)
			.set({ status: 'withdrawn', withdrawnAt: nowOf(options) })
			.where(and(eq(applications.id, id), inArray(applications.status, fromStatuses('withdraw'))))
			.returning();
		if (!row) return explainUnchanged(tx, group.id, id, 'withdraw');
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'application.withdraw',
			subject: id
		});
		return row;
	});
}

/**
 * A representative appeals a refusal, once, with a statement. Who decides it is settled now, from
 * the group's setting: a vice-chair, or a panel drawn by lot in this transaction.
 */
export async function appealRefusal(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const { user, group } = await actingFor(db, actor, groupSlug, id);
	const data = parseInput(appealSchema, input);
	const now = nowOf(options);
	try {
		return await db.transaction(async (tx) => {
			await lockGroup(tx, group.id);
			const [row] = await tx
				.update(applications)
				.set({
					appealStatus: 'pending',
					appealStatement: data.statement,
					appealedAt: now
				})
				.where(
					and(
						eq(applications.id, id),
						eq(applications.status, 'refused'),
						isNull(applications.appealStatus)
					)
				)
				.returning();
			if (!row) return explainUnchanged(tx, group.id, id, 'appeal');
			await routeAppeal(tx, row, now);
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: 'application.appeal',
				subject: id
			});
			return findApplication(tx, group.id, id);
		});
	} catch (error) {
		// The organisation has applied again meanwhile: one open matter per organisation.
		if (isUniqueViolation(error, 'applications_one_open')) {
			throw conflict('application.already_open');
		}
		throw error;
	}
}
