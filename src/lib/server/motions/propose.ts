import { and, eq, max } from 'drizzle-orm';
import type { Executor } from '../db';
import { memberships, motions, type GroupRole } from '../db/schema';
import { allows, authorise, requireUser, type Actor, type Role } from '../auth/authorise';
import { conflict, invalidField, notAllowed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appendDecision } from '../decision-log/log';
import { getGroup } from '../groups/groups';
import { findMeeting, lockMeeting } from '../meetings/access';
import { actingMembership, representedOrganisations } from '../meetings/members';
import { motionDeclineSchema, motionSchema, secondSchema } from '$lib/schemas/motions';
import type { Clock } from '../clock';
import { findMotion } from './access';
import { canMove, isUndecided } from './rules';
import { announceMotion } from './read';

/** Meetings that still take motions: drafts (seen by officers alone), scheduled and live ones. */
const takesMotions = new Set(['draft', 'scheduled', 'live']);

/** The office an officer proposes as: the highest they hold. */
function officeOf(roles: ReadonlySet<Role>): GroupRole {
	for (const role of ['chair', 'vice_chair', 'secretary'] as const)
		if (roles.has(role)) return role;
	throw notAllowed();
}

/**
 * Proposes a motion for a meeting: a representative for their member organisation (the one
 * named by `membershipId`, or their only one), or an officer as such. `amendmentOf` names the
 * meeting's motion it amends, which must still be undecided and not itself an amendment.
 */
export async function proposeMotion(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const { group, meeting, roles } = await findMeeting(db, actor, groupSlug, meetingNumber);
	const data = parseInput(motionSchema, input);
	const officer = allows(roles, 'motion.propose');
	const represented = await representedOrganisations(db, group.id, user.id);
	let organisation: { id: string; organisationName: string } | undefined;
	if (data.membershipId) {
		organisation = represented.find((m) => m.id === data.membershipId);
		if (!organisation) throw invalidField('membershipId', 'member.not_representative');
	} else if (!(data.asOfficer && officer)) {
		organisation = represented[0];
	}
	if (!organisation && !officer) throw notAllowed('motions.not_member');
	const proposedAs = organisation ? null : officeOf(roles);
	const now = clock.now ?? new Date();
	const proposed = await db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, meeting.id, 'no key update');
		if (!takesMotions.has(locked.state)) throw conflict('motions.closed');
		let amendmentOf: string | null = null;
		let amends = { amendedText: null as string | null, amendsText: null as string | null };
		if (data.amendmentOf !== undefined) {
			const [main] = await tx
				.select()
				.from(motions)
				.where(and(eq(motions.meetingId, meeting.id), eq(motions.number, data.amendmentOf)))
				.for('update');
			if (!main) throw invalidField('amendmentOf', 'motions.amendment_of_unknown');
			if (main.amendmentOf || main.state === 'voting' || !isUndecided(main.state)) {
				throw conflict('motions.not_amendable', 'amendmentOf');
			}
			// An amendment says exactly what it changes: the motion as it would then read.
			if (!data.amendedText) throw invalidField('amendedText', 'motions.amended_text_needed');
			if (data.amendedText === main.text) {
				throw invalidField('amendedText', 'motions.amended_text_same');
			}
			amendmentOf = main.id;
			amends = { amendedText: data.amendedText, amendsText: main.text };
		}
		const [last] = await tx
			.select({ number: max(motions.number) })
			.from(motions)
			.where(eq(motions.meetingId, meeting.id));
		const [motion] = await tx
			.insert(motions)
			.values({
				groupId: group.id,
				meetingId: meeting.id,
				number: (last?.number ?? 0) + 1,
				text: data.text,
				amendmentOf,
				...amends,
				proposedBy: user.id,
				membershipId: organisation?.id ?? null,
				proposedAs,
				proposedAt: now
			})
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'motion.propose',
			subject: motion.id,
			details: {
				meeting: meeting.number,
				number: motion.number,
				organisation: organisation?.organisationName,
				as: proposedAs ?? undefined,
				amendmentOf: data.amendmentOf
			}
		});
		return motion;
	});
	await announceMotion(db, proposed);
	return proposed;
}

/**
 * A representative seconds a motion for their organisation, which must be another than the
 * proposer's. Seconding is the seconder's own act, never the proposer's say-so.
 */
export async function secondMotion(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const { group, meeting } = await findMeeting(db, actor, groupSlug, meetingNumber);
	const data = parseInput(secondSchema, input);
	const organisation = await actingMembership(db, group.id, user, data.membershipId);
	const secondedMotion = await db.transaction(async (tx) => {
		const motion = await findMotion(tx, meeting.id, motionNumber, 'update');
		if (motion.state !== 'proposed' && motion.state !== 'scheduled') {
			throw conflict('motions.not_secondable');
		}
		if (motion.seconderMembershipId) throw conflict('motions.already_seconded');
		if (motion.membershipId === organisation.id) throw conflict('motions.own_seconder');
		const [seconded] = await tx
			.update(motions)
			.set({
				seconderMembershipId: organisation.id,
				secondedBy: user.id,
				secondedAt: clock.now ?? new Date()
			})
			.where(eq(motions.id, motion.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'motion.second',
			subject: motion.id,
			details: {
				meeting: meeting.number,
				number: motion.number,
				organisation: organisation.organisationName
			}
		});
		return seconded;
	});
	await announceMotion(db, secondedMotion);
	return secondedMotion;
}

/** Officers put a proposed motion on the meeting's business. */
export async function scheduleMotion(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	clock: Clock = {}
) {
	return review(db, actor, groupSlug, meetingNumber, motionNumber, undefined, clock);
}

/**
 * Officers decline a motion (proposed or scheduled, not yet voted on): `{ reason }`, which is
 * public and logged.
 */
export async function declineMotion(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	input: unknown,
	clock: Clock = {}
) {
	return review(db, actor, groupSlug, meetingNumber, motionNumber, { input }, clock);
}

async function review(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	decline: { input: unknown } | undefined,
	clock: Clock
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'motion.schedule', group.id);
	const { meeting } = await findMeeting(db, actor, groupSlug, meetingNumber);
	const declining = decline && parseInput(motionDeclineSchema, decline.input);
	if (declining && !declining.reason) throw invalidField('reason', 'motions.reason_required');
	const state = declining ? 'declined' : 'scheduled';
	const now = clock.now ?? new Date();
	const reviewedMotion = await db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, meeting.id, 'no key update');
		if (!takesMotions.has(locked.state)) throw conflict('motions.closed');
		const motion = await findMotion(tx, meeting.id, motionNumber, 'update');
		if (!canMove(motion.state, state)) throw conflict('motions.bad_transition', 'state');
		const [reviewed] = await tx
			.update(motions)
			.set({
				state,
				declineReason: declining?.reason ?? null,
				reviewedAt: now,
				reviewedBy: user.id
			})
			.where(eq(motions.id, motion.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: `motion.${state}`,
			subject: motion.id,
			details: { meeting: meeting.number, number: motion.number, reason: declining?.reason }
		});
		if (declining) {
			const [organisation] = motion.membershipId
				? await tx
						.select({ name: memberships.organisationName })
						.from(memberships)
						.where(eq(memberships.id, motion.membershipId))
				: [];
			await appendDecision(tx, group.id, {
				kind: 'motion.declined',
				subject: `motion:${motion.id}`,
				at: now,
				payload: {
					motion: motion.id,
					meeting: meeting.number,
					number: motion.number,
					text: motion.text,
					proposedBy: organisation?.name ?? null,
					proposedAs: motion.proposedAs,
					reason: declining.reason
				}
			});
		}
		return reviewed;
	});
	await announceMotion(db, reviewedMotion);
	return reviewedMotion;
}
