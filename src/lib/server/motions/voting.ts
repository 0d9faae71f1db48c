import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db';
import { attendance, groups, memberships, motionVotes, motions, type Motion } from '../db/schema';
import { authorise, requireUser, type Actor } from '../auth/authorise';
import { conflict, notAllowed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit';
import { appendDecision, lockGroup } from '../decision-log/log';
import { getGroup } from '../groups/groups';
import { findMeeting, lockMeeting } from '../meetings/access';
import { actingMembership, membersAt } from '../meetings/members';
import { motionStateSchema, motionVoteSchema } from '$lib/schemas/motions';
import type { Clock } from '../clock';
import { findMotion } from './access';
import { countVotes, decideMotion, isUndecided } from './rules';
import { declineMotion, scheduleMotion } from './propose';
import { announceMotion, votesOf } from './read';

/** The chair or vice-chair, the group and the meeting; checked before any transaction opens. */
async function voteRunner(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'motion.vote.run', group.id);
	const { meeting } = await findMeeting(db, actor, groupSlug, meetingNumber);
	return { group, user, meeting };
}

/** The meeting locked (a meeting closing waits, and is refused while a vote is open): it must be live. */
async function lockLiveMeeting(tx: Transaction, meetingId: string) {
	const meeting = await lockMeeting(tx, meetingId, 'no key update');
	if (meeting.state !== 'live') throw conflict('motions.meeting_not_live');
	return meeting;
}

/**
 * The chair (or vice-chair) opens the vote on a scheduled motion during the live meeting. A main
 * motion waits for its amendments: none may be undecided.
 */
export async function openMotionVote(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	clock: Clock = {}
) {
	const { group, user, meeting: found } = await voteRunner(db, actor, groupSlug, meetingNumber);
	const now = clock.now ?? new Date();
	const opened = await db.transaction(async (tx) => {
		const meeting = await lockLiveMeeting(tx, found.id);
		const motion = await findMotion(tx, meeting.id, motionNumber, 'update');
		if (motion.state !== 'scheduled') {
			throw conflict(
				motion.state === 'proposed' ? 'motions.not_scheduled' : 'motions.bad_transition',
				'state'
			);
		}
		if (motion.amendmentOf) {
			const [main] = await tx
				.select({ state: motions.state, text: motions.text })
				.from(motions)
				.where(eq(motions.id, motion.amendmentOf));
			if (!isUndecided(main.state)) throw conflict('motions.not_amendable', 'state');
			// Another amendment carried since changed the motion: this one no longer applies
			// as written (decline it; it can be proposed again against the motion as it reads).
			if (motion.amendsText !== null && motion.amendsText !== main.text) {
				throw conflict('motions.amendment_outdated', 'state');
			}
		} else {
			const pending = await tx
				.select({ number: motions.number })
				.from(motions)
				.where(
					and(
						eq(motions.amendmentOf, motion.id),
						inArray(motions.state, ['proposed', 'scheduled', 'voting'])
					)
				);
			if (pending.length) throw conflict('motions.amendments_pending', 'state');
		}
		const [opened] = await tx
			.update(motions)
			.set({ state: 'voting', voteOpenedAt: now })
			.where(eq(motions.id, motion.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'motion.vote_opened',
			subject: motion.id,
			details: { meeting: meeting.number, number: motion.number }
		});
		return opened;
	});
	await announceMotion(db, opened);
	return opened;
}

/**
 * The chair (or vice-chair) closes the vote: the result under the group's rules, recorded on the
 * motion and, with every organisation's vote, on the decision log, in one transaction.
 */
export async function closeMotionVote(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	clock: Clock = {}
) {
	const { group, user, meeting: found } = await voteRunner(db, actor, groupSlug, meetingNumber);
	const now = clock.now ?? new Date();
	const decided = await db.transaction(async (tx) => {
		const meeting = await lockLiveMeeting(tx, found.id);
		// Waits for votes being cast (they hold the motion's row in share mode), then refuses more.
		const motion = await findMotion(tx, meeting.id, motionNumber, 'update');
		if (motion.state !== 'voting') throw conflict('motions.not_voting', 'state');
		await lockGroup(tx, group.id);
		const [rules] = await tx
			.select({ quorum: groups.motionQuorum, majority: groups.motionMajority })
			.from(groups)
			.where(eq(groups.id, group.id));
		const votes = await votesOf(tx, motion.id);
		const members = await membersAt(tx, group.id, { startsAt: motion.voteOpenedAt ?? now });
		const result = decideMotion(countVotes(votes), members.length, rules);
		const [decided] = await tx
			.update(motions)
			.set({
				state: 'decided',
				voteClosedAt: now,
				eligible: result.members,
				votesFor: result.counts.for,
				votesAgainst: result.counts.against,
				abstentions: result.counts.abstain,
				quorumNeeded: result.quorumNeeded,
				quorumMet: result.quorumMet,
				outcome: result.outcome
			})
			.where(eq(motions.id, motion.id))
			.returning();
		// A carried amendment rewrites its motion, which keeps the text it was proposed with.
		if (motion.amendmentOf && motion.amendedText !== null && result.outcome === 'carried') {
			await tx
				.update(motions)
				.set({
					text: motion.amendedText,
					originalText: sql`coalesce(${motions.originalText}, ${motions.text})`
				})
				.where(eq(motions.id, motion.amendmentOf));
		}
		const voted = new Set(votes.map((v) => v.membershipId));
		const names = await proposerNames(tx, motion);
		const [main] = motion.amendmentOf
			? await tx
					.select({ number: motions.number })
					.from(motions)
					.where(eq(motions.id, motion.amendmentOf))
			: [];
		const amendments = motion.amendmentOf
			? []
			: await tx
					.select({ number: motions.number, outcome: motions.outcome, state: motions.state })
					.from(motions)
					.where(eq(motions.amendmentOf, motion.id))
					.orderBy(asc(motions.number));
		await appendDecision(tx, group.id, {
			kind: 'motion.decided',
			subject: `motion:${motion.id}`,
			at: now,
			payload: {
				motion: motion.id,
				meeting: meeting.number,
				number: motion.number,
				text: motion.text,
				...(motion.originalText !== null && { originalText: motion.originalText }),
				...(motion.amendedText !== null && { amendedText: motion.amendedText }),
				amendmentOf: main?.number ?? null,
				amendments: amendments.map((a) => ({ number: a.number, outcome: a.outcome ?? a.state })),
				proposedBy: names.proposer,
				proposedAs: motion.proposedAs,
				secondedBy: names.seconder,
				rules,
				members: result.members,
				quorumNeeded: result.quorumNeeded,
				quorumMet: result.quorumMet,
				counts: result.counts,
				outcome: result.outcome,
				votes: votes.map((v) => ({ organisation: v.organisation, vote: v.vote })),
				notVoting: members.filter((m) => !voted.has(m.id)).map((m) => m.organisationName),
				openedAt: motion.voteOpenedAt?.toISOString() ?? null
			}
		});
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'motion.decided',
			subject: motion.id,
			details: { meeting: meeting.number, number: motion.number, outcome: result.outcome }
		});
		return decided;
	});
	await announceMotion(db, decided);
	return decided;
}

/** A representative casts (or changes) their organisation's vote while the vote is open. */
export async function castMotionVote(
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
	const data = parseInput(motionVoteSchema, input);
	const organisation = await actingMembership(db, group.id, user, data.membershipId);
	const now = clock.now ?? new Date();
	const cast = await db.transaction(async (tx) => {
		const motion = await findMotion(tx, meeting.id, motionNumber, 'share');
		if (motion.state !== 'voting') {
			throw conflict(motion.state === 'decided' ? 'motions.vote_closed' : 'motions.not_voting');
		}
		const [membership] = await tx
			.select({ startedAt: memberships.startedAt, endedAt: memberships.endedAt })
			.from(memberships)
			.where(eq(memberships.id, organisation.id));
		// Those entitled are the members when the vote opened, the base of its quorum.
		if (!membership || !motion.voteOpenedAt || membership.startedAt > motion.voteOpenedAt) {
			throw notAllowed('motions.not_eligible');
		}
		// Cast by a representative present: not for an organisation recorded absent or sending
		// apologies (the secretary records a late arrival present). Attendance is often taken as
		// the meeting goes, so an organisation not yet recorded may vote.
		const [recorded] = await tx
			.select({ status: attendance.status })
			.from(attendance)
			.where(
				and(eq(attendance.meetingId, meeting.id), eq(attendance.membershipId, organisation.id))
			);
		if (recorded && recorded.status !== 'present') throw conflict('motions.not_present');
		// One row per organisation: a second vote (or a colleague's at the same moment) updates it.
		const [row] = await tx
			.insert(motionVotes)
			.values({
				motionId: motion.id,
				membershipId: organisation.id,
				vote: data.vote,
				castBy: user.id,
				castAt: now,
				updatedAt: now
			})
			.onConflictDoUpdate({
				target: [motionVotes.motionId, motionVotes.membershipId],
				set: { vote: data.vote, castBy: user.id, updatedAt: now }
			})
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'motion.vote',
			subject: motion.id,
			details: {
				meeting: meeting.number,
				number: motion.number,
				organisation: organisation.organisationName,
				vote: data.vote
			}
		});
		const totals = countVotes(await votesOf(tx, motion.id));
		return {
			motion,
			organisation: organisation.organisationName,
			vote: row.vote,
			castAt: row.castAt,
			updatedAt: row.updatedAt,
			totals
		};
	});
	const { motion, ...answer } = cast;
	// The motion as the public now reads it, broadcast and returned (the live page's answer).
	return { ...answer, motion: await announceMotion(db, motion) };
}

/** The PATCH of a motion: `{ state, reason? }` moves it, each move checking its own right. */
export async function changeMotionState(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string,
	input: unknown,
	clock: Clock = {}
): Promise<Motion> {
	requireUser(actor);
	const data = parseInput(motionStateSchema, input);
	const args = [db, actor, groupSlug, meetingNumber, motionNumber] as const;
	switch (data.state) {
		case 'scheduled':
			return scheduleMotion(...args, clock);
		case 'declined':
			return declineMotion(...args, { reason: data.reason }, clock);
		case 'voting':
			return openMotionVote(...args, clock);
		case 'decided':
			return closeMotionVote(...args, clock);
	}
}

/** The names of the proposing and seconding organisations (null where there is none). */
export async function proposerNames(db: Executor, motion: Motion) {
	const ids = [motion.membershipId, motion.seconderMembershipId].filter((id) => id !== null);
	const rows = ids.length
		? await db
				.select({ id: memberships.id, name: memberships.organisationName })
				.from(memberships)
				.where(inArray(memberships.id, ids))
		: [];
	const name = (id: string | null) => rows.find((r) => r.id === id)?.name ?? null;
	return { proposer: name(motion.membershipId), seconder: name(motion.seconderMembershipId) };
}
