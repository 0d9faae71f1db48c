import { and, asc, desc, eq, inArray, isNull, ne, notInArray, or } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../db';
import {
	appealPanellists,
	applications,
	decisionLog,
	groupRoles,
	groups,
	memberships,
	representatives,
	type Application
} from '../db/schema';
import { authorise, currentAppointment, requireUser, type Actor } from '../auth/authorise';
import { conflict, isUniqueViolation, notAllowed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appealDecisionSchema, panelVoteSchema, recusalSchema } from '$lib/schemas/membership';
import { appealsBySchema } from '$lib/schemas/groups';
import { getGroup } from '../groups/groups';
import { appendDecision, lockGroup } from '../decision-log/log';
import { genesisHash } from '../decision-log/chain';
import { categoryNameOf, explainUnchanged, findApplication, nowOf } from './common';
import type { Clock } from '../clock';
import { decisionPayload } from './payload';
import { startMembership } from './memberships';
import { queueDecisionEmail } from './decision-email';
import { announceMail } from '../mail/outbox';
import { panelMajority, panelSize, rankByLot } from './panel-draw';
import { representativeIdsOf, representedBy } from './representatives';

type Decider = NonNullable<Application['appealDecider']>;

/** The chair chooses who decides appeals lodged from now on: a logged decision. */
export async function setAppealsBy(
	db: Database,
	actor: Actor,
	groupSlug: string,
	input: unknown,
	options: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'appeals.set', group.id);
	const data = parseInput(appealsBySchema, input);
	const now = nowOf(options);
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const [row] = await tx
			.update(groups)
			.set({ appealsBy: data.appealsBy })
			.where(and(eq(groups.id, group.id), ne(groups.appealsBy, data.appealsBy)))
			.returning();
		if (!row) throw conflict('settings.appeals.unchanged');
		await appendDecision(tx, group.id, {
			kind: 'appeals.changed',
			subject: `group:${group.slug}`,
			at: now,
			payload: { appealsBy: data.appealsBy, role: 'chair' }
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'appeals.set',
			subject: group.slug,
			details: { appealsBy: data.appealsBy }
		});
		return row;
	});
}

/** The hash at the head of the group's log (the genesis hash for an empty log). */
async function headHash(tx: Executor, groupId: string) {
	const [last] = await tx
		.select({ hash: decisionLog.hash })
		.from(decisionLog)
		.where(eq(decisionLog.groupId, groupId))
		.orderBy(desc(decisionLog.seq))
		.limit(1);
	return last?.hash ?? genesisHash;
}

/**
 * Organisations that may sit on the appeal's panel: current members with a representative,
 * other than the appealing organisation, any organisation one of its representatives or the
 * deciding officer acts for, and those drawn already.
 */
async function eligibleOrganisations(tx: Executor, app: Application) {
	const drawn = tx
		.select({ id: appealPanellists.membershipId })
		.from(appealPanellists)
		.where(eq(appealPanellists.applicationId, app.id));
	const withRepresentative = tx
		.select({ id: representatives.applicationId })
		.from(representatives)
		.where(isNull(representatives.removedAt));
	const ofPeopleInvolved = tx
		.select({ id: representatives.applicationId })
		.from(representatives)
		.where(
			and(
				isNull(representatives.removedAt),
				or(
					inArray(representatives.userId, representativeIdsOf(tx, app.id)),
					app.decidedBy ? eq(representatives.userId, app.decidedBy) : undefined
				)
			)
		);
	return tx
		.select({
			id: memberships.id,
			organisationKey: memberships.organisationKey,
			organisationName: memberships.organisationName
		})
		.from(memberships)
		.where(
			and(
				eq(memberships.groupId, app.groupId),
				isNull(memberships.endedAt),
				inArray(memberships.applicationId, withRepresentative),
				ne(memberships.organisationKey, app.organisationKey),
				notInArray(memberships.applicationId, ofPeopleInvolved),
				notInArray(memberships.id, drawn)
			)
		);
}

/**
 * The first draw of an appeal's panel, as the decision log records it: its seed (the log's head
 * hash when the appeal was lodged) and the entry's seq, for anyone who wants to recompute it.
 * Panellists drawn after a recusal are drawn with the same seed.
 */
export async function panelDraw(db: Executor, groupId: string, applicationId: string) {
	const [first] = await db
		.select({ seq: decisionLog.seq, payload: decisionLog.payload })
		.from(decisionLog)
		.where(
			and(
				eq(decisionLog.groupId, groupId),
				eq(decisionLog.kind, 'appeal.panel_drawn'),
				eq(decisionLog.subject, `application:${applicationId}`)
			)
		)
		.orderBy(asc(decisionLog.seq))
		.limit(1);
	return first ? { seq: first.seq, seed: String(first.payload.seed) } : null;
}

/** Draws `count` panellists by lot (seeded as the first draw was); fewer if too few are left. */
async function drawPanellists(
	tx: Transaction,
	app: Application,
	seed: string,
	count: number,
	now: Date
) {
	const ranked = rankByLot(seed, await eligibleOrganisations(tx, app)).slice(0, count);
	if (ranked.length < count) return undefined;
	await tx.insert(appealPanellists).values(
		ranked.map((o) => ({
			applicationId: app.id,
			membershipId: o.id,
			drawnAt: now
		}))
	);
	return ranked.map((o) => o.organisationName);
}

/** Nobody eligible is left: the site administrator decides, and the record says so. */
async function referToSiteAdmin(tx: Transaction, app: Application, slug: string, now: Date) {
	await tx
		.update(applications)
		.set({ appealDecider: 'site_admin' })
		.where(eq(applications.id, app.id));
	await appendDecision(tx, app.groupId, {
		kind: 'appeal.referred',
		subject: `application:${app.id}`,
		at: now,
		payload: {
			application: app.id,
			organisation: app.organisationName,
			to: 'site_admin',
			group: slug
		}
	});
}

/** Current vice-chairs who did not take the decision appealed. */
async function eligibleViceChairs(tx: Executor, app: Application) {
	return tx
		.select({ userId: groupRoles.userId })
		.from(groupRoles)
		.where(
			and(
				eq(groupRoles.groupId, app.groupId),
				eq(groupRoles.role, 'vice_chair'),
				currentAppointment(),
				app.decidedBy ? ne(groupRoles.userId, app.decidedBy) : undefined,
				notInArray(groupRoles.userId, representativeIdsOf(tx, app.id))
			)
		);
}

/**
 * In the transaction that lodges an appeal: who will decide it, from the group's setting. A
 * panel is drawn now, seeded by the log's head hash; with nobody eligible, the site admin.
 */
export async function routeAppeal(tx: Transaction, app: Application, now: Date) {
	const [group] = await tx
		.select({ slug: groups.slug, appealsBy: groups.appealsBy })
		.from(groups)
		.where(eq(groups.id, app.groupId));
	if (group.appealsBy === 'vice_chair') {
		await tx
			.update(applications)
			.set({ appealDecider: 'vice_chair' })
			.where(eq(applications.id, app.id));
		if (!(await eligibleViceChairs(tx, app)).length) {
			await referToSiteAdmin(tx, app, group.slug, now);
		}
		return;
	}
	const seed = await headHash(tx, app.groupId);
	const drawn = await drawPanellists(tx, app, seed, panelSize, now);
	if (!drawn) return referToSiteAdmin(tx, app, group.slug, now);
	await tx.update(applications).set({ appealDecider: 'panel' }).where(eq(applications.id, app.id));
	await appendDecision(tx, app.groupId, {
		kind: 'appeal.panel_drawn',
		subject: `application:${app.id}`,
		at: now,
		payload: {
			application: app.id,
			organisation: app.organisationName,
			seed,
			method: 'sha256(seed ":" organisationKey), lowest first',
			panel: drawn
		}
	});
}

/** Who the actor decides this appeal as, or a clear refusal. */
async function deciderRole(tx: Executor, app: Application, actor: Actor): Promise<Decider> {
	const user = requireUser(actor);
	if (app.decidedBy === user.id) throw notAllowed('appeal.own_decision');
	const decider = app.appealDecider ?? 'vice_chair';
	const refuse = () => notAllowed('appeal.not_decider');
	if (decider === 'panel') throw refuse();
	if (decider === 'vice_chair') {
		const eligible = await eligibleViceChairs(tx, app);
		if (eligible.some((v) => v.userId === user.id)) return 'vice_chair';
		// A vice-chair removed since the appeal was lodged leaves the site admin to decide.
		if (!eligible.length && user.isSiteAdmin) return 'site_admin';
		throw refuse();
	}
	if (decider === 'site_admin' && user.isSiteAdmin) return 'site_admin';
	throw refuse();
}

/**
 * The appeal is decided: upheld, or overturned (and a membership begins), with a public reason,
 * in the caller's transaction, logged with who decided it.
 */
async function concludeAppeal(
	tx: Transaction,
	app: Application,
	outcome: 'upheld' | 'overturned',
	reason: string,
	by: { role: Decider; actorId: string | null; extra?: Record<string, unknown> },
	now: Date
) {
	const overturned = outcome === 'overturned';
	const [row] = await tx
		.update(applications)
		.set({
			appealStatus: outcome,
			appealDecidedAt: now,
			appealReason: reason,
			appealDecider: by.role,
			status: overturned ? 'accepted' : 'refused'
		})
		.where(and(eq(applications.id, app.id), eq(applications.appealStatus, 'pending')))
		.returning();
	if (!row) return explainUnchanged(tx, app.groupId, app.id, 'decideAppeal');
	if (overturned) await startMembership(tx, row, now);
	const kind = overturned ? 'appeal.overturned' : 'appeal.upheld';
	await appendDecision(tx, app.groupId, {
		kind,
		subject: `application:${row.id}`,
		at: now,
		payload: decisionPayload(row, await categoryNameOf(tx, row.categoryId), {
			reason,
			role: by.role,
			...by.extra
		})
	});
	await recordAudit(tx, {
		actorId: by.actorId,
		groupId: app.groupId,
		action: kind,
		subject: app.id
	});
	await queueDecisionEmail(tx, row.id, kind);
	return { row, kind } as const;
}

/**
 * A vice-chair decides an appeal (or the site admin, when nobody else is eligible); never the
 * officer who took the decision appealed, and never the chair as such.
 */
export async function decideAppeal(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(appealDecisionSchema, input);
	const now = nowOf(options);
	const decided = await db
		.transaction(async (tx) => {
			await lockGroup(tx, group.id);
			const app = await findApplication(tx, group.id, id);
			if (app.appealStatus !== 'pending') return explainUnchanged(tx, group.id, id, 'decideAppeal');
			const role = await deciderRole(tx, app, actor);
			return concludeAppeal(tx, app, data.outcome, data.reason, { role, actorId: user.id }, now);
		})
		.catch(alreadyMember);
	announceMail();
	return decided.row;
}

/** The actor's seat on the appeal's panel, still able to act (or a clear refusal). */
async function seatOf(tx: Executor, app: Application, userId: string) {
	const [seat] = await tx
		.select({ panellist: appealPanellists, organisation: memberships.organisationName })
		.from(appealPanellists)
		.innerJoin(memberships, eq(appealPanellists.membershipId, memberships.id))
		.where(
			and(
				eq(appealPanellists.applicationId, app.id),
				inArray(memberships.applicationId, representedBy(tx, userId))
			)
		);
	if (!seat || app.appealDecider !== 'panel') throw notAllowed('appeal.not_panellist');
	if (seat.panellist.recusedAt) throw conflict('appeal.already_recused');
	if (seat.panellist.vote) throw conflict('appeal.already_voted');
	if (app.appealStatus !== 'pending') throw conflict('application.conflict.appeal_decided');
	return seat;
}

/**
 * A panellist votes once, with a public reason. When a majority agrees the appeal is decided in
 * the same transaction, with every vote in the log entry.
 */
export async function castPanelVote(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(panelVoteSchema, input);
	const now = nowOf(options);
	const result = await db
		.transaction(async (tx) => {
			await lockGroup(tx, group.id);
			const app = await findApplication(tx, group.id, id);
			const seat = await seatOf(tx, app, user.id);
			const [voted] = await tx
				.update(appealPanellists)
				.set({ vote: data.vote, voteReason: data.reason, votedAt: now })
				.where(
					and(
						eq(appealPanellists.id, seat.panellist.id),
						isNull(appealPanellists.vote),
						isNull(appealPanellists.recusedAt)
					)
				)
				.returning();
			if (!voted) throw conflict('appeal.already_voted');
			await appendDecision(tx, group.id, {
				kind: 'appeal.panel_vote',
				subject: `application:${app.id}`,
				at: now,
				payload: {
					application: app.id,
					panellist: seat.organisation,
					vote: data.vote,
					reason: data.reason
				}
			});
			await recordAudit(tx, {
				actorId: user.id,
				groupId: group.id,
				action: 'appeal.panel_vote',
				subject: app.id
			});
			const votes = (await appealPanel(tx, app.id)).filter((p) => p.vote);
			const outcome = panelMajority(votes.map((p) => p.vote!));
			if (!outcome) return { row: app, kind: undefined };
			const majority = votes.filter((p) => p.vote === outcome);
			return concludeAppeal(
				tx,
				app,
				outcome,
				majority.map((p) => `${p.organisation}: ${p.voteReason}`).join('\n\n'),
				{
					role: 'panel',
					actorId: null,
					extra: { votes: votes.map((p) => ({ panellist: p.organisation, vote: p.vote })) }
				},
				now
			);
		})
		.catch(alreadyMember);
	if (result.kind) announceMail();
	return result.row;
}

/**
 * A panellist recuses (a reason optional, public); the next organisation in the same draw takes
 * the seat. With nobody eligible left, the appeal passes to the site administrator.
 */
export async function recuseFromPanel(
	db: Database,
	actor: Actor,
	groupSlug: string,
	id: string,
	input: unknown,
	options: Clock = {}
) {
	const user = requireUser(actor);
	const group = await getGroup(db, groupSlug);
	const data = parseInput(recusalSchema, input);
	const now = nowOf(options);
	return db.transaction(async (tx) => {
		await lockGroup(tx, group.id);
		const app = await findApplication(tx, group.id, id);
		const seat = await seatOf(tx, app, user.id);
		await tx
			.update(appealPanellists)
			.set({ recusedAt: now, recusalReason: data.reason ?? null })
			.where(eq(appealPanellists.id, seat.panellist.id));
		await appendDecision(tx, group.id, {
			kind: 'appeal.recused',
			subject: `application:${app.id}`,
			at: now,
			payload: { application: app.id, panellist: seat.organisation, reason: data.reason ?? null }
		});
		const seed = (await panelDraw(tx, group.id, app.id))?.seed ?? genesisHash;
		const drawn = await drawPanellists(tx, app, seed, 1, now);
		if (!drawn) {
			await referToSiteAdmin(tx, app, group.slug, now);
		} else {
			await appendDecision(tx, group.id, {
				kind: 'appeal.panel_drawn',
				subject: `application:${app.id}`,
				at: now,
				payload: {
					application: app.id,
					organisation: app.organisationName,
					seed,
					replacing: seat.organisation,
					panel: drawn
				}
			});
		}
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'appeal.recuse',
			subject: app.id
		});
		return findApplication(tx, group.id, id);
	});
}

/** The appeal's panel, in the order drawn: a public record (organisations, votes, reasons). */
export function appealPanel(db: Executor, applicationId: string) {
	return db
		.select({
			id: appealPanellists.id,
			membershipId: appealPanellists.membershipId,
			/** The panellist organisation's application: who acts for it sits on the panel. */
			membershipApplicationId: memberships.applicationId,
			organisation: memberships.organisationName,
			drawnAt: appealPanellists.drawnAt,
			recusedAt: appealPanellists.recusedAt,
			recusalReason: appealPanellists.recusalReason,
			vote: appealPanellists.vote,
			voteReason: appealPanellists.voteReason,
			votedAt: appealPanellists.votedAt
		})
		.from(appealPanellists)
		.innerJoin(memberships, eq(appealPanellists.membershipId, memberships.id))
		.where(eq(appealPanellists.applicationId, applicationId))
		.orderBy(asc(appealPanellists.drawnAt), asc(memberships.organisationKey));
}

/** Whether the user may decide this appeal now (for showing the form; the action checks again). */
export async function mayDecideAppeal(db: Executor, app: Application, actor: Actor) {
	if (!actor.user || app.appealStatus !== 'pending') return false;
	return deciderRole(db, app, actor).then(
		() => true,
		() => false
	);
}

/** An organisation that is a member already cannot be accepted again: nothing is recorded. */
function alreadyMember(error: unknown): never {
	if (isUniqueViolation(error, 'memberships_current')) throw conflict('membership.already_member');
	throw error;
}
