import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db';
import { memberships, motionVotes, motions, type Motion, type MotionVote } from '../db/schema';
import type { Actor } from '../auth/authorise';
import { notFound } from '../errors';
import { findMeeting } from '../meetings/access';
import { membersAt } from '../meetings/members';
import { motionNumberOf } from './access';
import { emit } from '../events';
import type { Counts } from './rules';
import type { LiveMotion } from '$lib/realtime/live-types';

const proposer = alias(memberships, 'proposer');
const seconder = alias(memberships, 'seconder');
const main = alias(motions, 'main');

/** A motion's votes with each organisation's name, in name order. */
export function votesOf(db: Executor, motionId: string) {
	return db
		.select({
			membershipId: motionVotes.membershipId,
			organisation: memberships.organisationName,
			vote: motionVotes.vote,
			castAt: motionVotes.castAt,
			updatedAt: motionVotes.updatedAt
		})
		.from(motionVotes)
		.innerJoin(memberships, eq(memberships.id, motionVotes.membershipId))
		.where(eq(motionVotes.motionId, motionId))
		.orderBy(asc(memberships.organisationName), asc(memberships.id));
}

/** A motion as the public reads it (the JSON API's fields, the page's, the broadcasts'). */
export type PublicMotion = LiveMotion;

function selectMotions(db: Executor) {
	return db
		.select({
			motion: motions,
			proposer: proposer.organisationName,
			seconder: seconder.organisationName,
			mainNumber: main.number
		})
		.from(motions)
		.leftJoin(proposer, eq(proposer.id, motions.membershipId))
		.leftJoin(seconder, eq(seconder.id, motions.seconderMembershipId))
		.leftJoin(main, eq(main.id, motions.amendmentOf));
}

type Row = {
	motion: Motion;
	proposer: string | null;
	seconder: string | null;
	mainNumber: number | null;
};

/** Running totals of the motions being voted on, by motion id. */
async function runningTotals(db: Executor, ids: string[]) {
	const totals = new Map<string, Counts>();
	if (!ids.length) return totals;
	const rows = await db
		.select({ motionId: motionVotes.motionId, vote: motionVotes.vote, n: count() })
		.from(motionVotes)
		.where(inArray(motionVotes.motionId, ids))
		.groupBy(motionVotes.motionId, motionVotes.vote);
	for (const id of ids) totals.set(id, { for: 0, against: 0, abstain: 0 });
	for (const row of rows) totals.get(row.motionId)![row.vote] = row.n;
	return totals;
}

/**
 * The public shape: while the vote is open, the running totals only; once decided, the result and
 * each organisation's vote (and the member organisations that did not vote). Who proposed,
 * seconded or cast a vote for an organisation is private: only organisations are named.
 */
function toPublic(
	row: Row,
	totals: Counts | undefined,
	votes: { organisation: string; vote: MotionVote }[] | null,
	notVoting: string[] | null
): LiveMotion {
	const m = row.motion;
	const decided = m.state === 'decided';
	return {
		id: m.id,
		number: m.number,
		text: m.text,
		originalText: m.originalText,
		amendmentOf: row.mainNumber ?? null,
		amendedText: m.amendedText,
		state: m.state,
		proposedBy: row.proposer ?? null,
		// A respondent holds no office that proposes (`officeOf` in ./propose): never one here.
		proposedAs: m.proposedAs === 'respondent' ? null : m.proposedAs,
		secondedBy: row.seconder ?? null,
		proposedAt: m.proposedAt.toISOString(),
		declineReason: m.declineReason,
		reviewedAt: m.reviewedAt?.toISOString() ?? null,
		voteOpenedAt: m.voteOpenedAt?.toISOString() ?? null,
		voteClosedAt: m.voteClosedAt?.toISOString() ?? null,
		totals: decided
			? { for: m.votesFor ?? 0, against: m.votesAgainst ?? 0, abstain: m.abstentions ?? 0 }
			: (totals ?? null),
		result: decided
			? {
					outcome: m.outcome,
					members: m.eligible,
					quorumNeeded: m.quorumNeeded,
					quorumMet: m.quorumMet
				}
			: null,
		votes,
		notVoting
	};
}

/** What a decided motion adds: each organisation's vote, and the members that did not vote. */
async function recordedVotes(db: Executor, groupId: string, row: Row) {
	const m = row.motion;
	if (m.state !== 'decided' || !m.voteOpenedAt) return { votes: null, notVoting: null };
	const votes = (await votesOf(db, m.id)).map((v) => ({
		organisation: v.organisation,
		vote: v.vote,
		membershipId: v.membershipId
	}));
	const voted = new Set(votes.map((v) => v.membershipId));
	const members = await membersAt(db, groupId, { startsAt: m.voteOpenedAt });
	return {
		votes: votes.map(({ organisation, vote }) => ({ organisation, vote })),
		notVoting: members.filter((x) => !voted.has(x.id)).map((x) => x.organisationName)
	};
}

/** A meeting's motions in number order, as the public reads them. */
export async function motionsOfMeeting(db: Executor, groupId: string, meetingId: string) {
	const rows = await selectMotions(db)
		.where(eq(motions.meetingId, meetingId))
		.orderBy(asc(motions.number));
	const totals = await runningTotals(
		db,
		rows.filter((r) => r.motion.state === 'voting').map((r) => r.motion.id)
	);
	const list = [];
	for (const row of rows) {
		const { votes, notVoting } = await recordedVotes(db, groupId, row);
		list.push(toPublic(row, totals.get(row.motion.id), votes, notVoting));
	}
	return list;
}

/**
 * A meeting's motions, in number order: public (a draft meeting's, to its officers only); with the
 * group, and the reader's roles in it, for the page's forms.
 */
export async function listMotions(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string
) {
	const { group, meeting, roles } = await findMeeting(db, actor, groupSlug, meetingNumber);
	return { group, meeting, roles, motions: await motionsOfMeeting(db, group.id, meeting.id) };
}

/** One motion as the public reads it, by its id (it exists). */
async function publicMotion(db: Executor, groupId: string, motionId: string) {
	const [row] = await selectMotions(db).where(eq(motions.id, motionId));
	const totals =
		row.motion.state === 'voting' ? await runningTotals(db, [row.motion.id]) : undefined;
	const { votes, notVoting } = await recordedVotes(db, groupId, row);
	return toPublic(row, totals?.get(row.motion.id), votes, notVoting);
}

/**
 * Tells the live pages that a motion changed (called once its transaction committed): what the
 * public now reads of it, running totals included, which it returns.
 */
export async function announceMotion(
	db: Executor,
	motion: Pick<Motion, 'id' | 'groupId' | 'meetingId'>
): Promise<LiveMotion> {
	const announced = await publicMotion(db, motion.groupId, motion.id);
	emit('motion:changed', { meetingId: motion.meetingId, motion: announced });
	return announced;
}

/** One motion of a meeting, by its number, or a 404. */
export async function getMotion(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	meetingNumber: number | string,
	motionNumber: number | string
) {
	const { group, meeting } = await findMeeting(db, actor, groupSlug, meetingNumber);
	const n = motionNumberOf(motionNumber);
	const [row] = await selectMotions(db).where(
		and(eq(motions.meetingId, meeting.id), eq(motions.number, n))
	);
	if (!row) throw notFound('motions.not_found');
	const totals =
		row.motion.state === 'voting' ? await runningTotals(db, [row.motion.id]) : undefined;
	const { votes, notVoting } = await recordedVotes(db, group.id, row);
	return { meeting, motion: toPublic(row, totals?.get(row.motion.id), votes, notVoting) };
}
