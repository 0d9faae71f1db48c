import { announceNotices, noticeAgendaChange, recordNotice } from '../notifications/notices';
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../db';
import { agendaItems, agendaProposals, memberships, meetings } from '../db/schema';
import { authorise, requireUser, type Actor } from '../auth/authorise';
import { conflict, invalidField, notFound } from '../errors';
import { isUuid, parseInput } from '../validation';
import { recordAudit } from '../audit';
import { getGroup } from '../groups/groups';
import { proposalDecisionSchema, proposalSchema } from '$lib/schemas/meetings';
import { findMeeting, lockMeeting, refuseIfAgendaLocked } from './access';
import { insertAgendaItem } from './agenda';
import { actingMembership } from './members';
import type { Clock } from '../clock';
import { appendDecision } from '../decision-log/log';

/** Minutes planned for an accepted proposal; the secretary adjusts it on the agenda. */
const acceptedItemMinutes = 15;

/** A member organisation's representative proposes an item for a scheduled meeting. */
export async function proposeAgendaItem(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	number: number | string,
	input: unknown,
	clock: Clock = {}
) {
	const user = requireUser(actor);
	const { group, meeting } = await findMeeting(db, actor, groupSlug, number);
	const data = parseInput(proposalSchema, input);
	const membershipId = (input as { membershipId?: unknown }).membershipId;
	const organisation = await actingMembership(
		db,
		group.id,
		user,
		typeof membershipId === 'string' && membershipId ? membershipId : undefined
	);
	if (meeting.state !== 'scheduled' || meeting.startsAt <= (clock.now ?? new Date())) {
		throw conflict('proposals.closed');
	}
	return db.transaction(async (tx) => {
		const [proposal] = await tx
			.insert(agendaProposals)
			.values({
				groupId: group.id,
				meetingId: meeting.id,
				membershipId: organisation.id,
				proposedBy: user.id,
				title: data.title,
				why: data.why,
				proposedAt: clock.now ?? new Date()
			})
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: 'proposal.make',
			subject: proposal.id,
			details: { meeting: meeting.number, organisation: organisation.organisationName }
		});
		return proposal;
	});
}

/**
 * The chair accepts a proposal onto a meeting's agenda (the one it was made for, or another
 * named by number), or declines it with a reason that stays public. Decided once.
 */
export async function decideProposal(
	db: Executor,
	actor: Actor,
	groupSlug: string,
	proposalId: string,
	input: unknown,
	clock: Clock = {}
) {
	const group = await getGroup(db, groupSlug);
	const user = await authorise(db, actor, 'proposal.decide', group.id);
	const data = parseInput(proposalDecisionSchema, input);
	if (data.outcome === 'declined' && !data.reason) {
		throw invalidField('reason', 'proposals.reason_required');
	}
	if (!isUuid(proposalId)) throw notFound('proposals.not_found');
	const target =
		data.outcome === 'accepted' && data.meeting !== undefined && data.meeting !== ''
			? (await findMeeting(db, actor, groupSlug, data.meeting)).meeting
			: undefined;
	const decided = await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ proposal: agendaProposals, organisationName: memberships.organisationName })
			.from(agendaProposals)
			.innerJoin(memberships, eq(agendaProposals.membershipId, memberships.id))
			.where(and(eq(agendaProposals.id, proposalId), eq(agendaProposals.groupId, group.id)))
			.for('update', { of: agendaProposals });
		if (!row) throw notFound('proposals.not_found');
		const { proposal } = row;
		if (proposal.status !== 'proposed') throw conflict('proposals.already_decided');
		let agendaItemId: string | null = null;
		let meetingNumber: number | undefined;
		if (data.outcome === 'accepted') {
			const meeting = await lockMeeting(tx, target?.id ?? proposal.meetingId);
			refuseIfAgendaLocked(meeting);
			const item = await insertAgendaItem(tx, meeting.id, {
				title: proposal.title,
				description: proposal.why,
				presenter: row.organisationName,
				plannedMinutes: acceptedItemMinutes
			});
			agendaItemId = item.id;
			meetingNumber = meeting.number;
			await noticeAgendaChange(tx, meeting);
		}
		const [decided] = await tx
			.update(agendaProposals)
			.set({
				status: data.outcome,
				reason: data.reason ?? null,
				agendaItemId,
				decidedAt: clock.now ?? new Date(),
				decidedBy: user.id
			})
			.where(eq(agendaProposals.id, proposal.id))
			.returning();
		await recordAudit(tx, {
			actorId: user.id,
			groupId: group.id,
			action: `proposal.${data.outcome}`,
			subject: proposal.id,
			details: { reason: data.reason, meeting: meetingNumber }
		});
		await appendDecision(tx, group.id, {
			kind: `proposal.${data.outcome}`,
			subject: `proposal:${proposal.id}`,
			at: decided.decidedAt ?? new Date(),
			payload: {
				proposal: proposal.id,
				organisation: row.organisationName,
				title: proposal.title,
				// Accepted: the meeting whose agenda it joined; declined: the public reason.
				...(meetingNumber === undefined ? {} : { meeting: meetingNumber }),
				reason: data.reason ?? null
			}
		});
		await recordNotice(tx, {
			groupId: group.id,
			kind: 'proposal.decided',
			subject: `proposal:${proposal.id}`,
			onceKey: `proposal.decided:${proposal.id}`
		});
		return decided;
	});
	announceNotices();
	return decided;
}

/** A meeting's proposals, with the proposing organisation: public, decided or not. */
export function listProposals(db: Executor, meetingId: string) {
	return db
		.select({
			id: agendaProposals.id,
			title: agendaProposals.title,
			why: agendaProposals.why,
			status: agendaProposals.status,
			reason: agendaProposals.reason,
			organisationName: memberships.organisationName,
			proposedAt: agendaProposals.proposedAt,
			decidedAt: agendaProposals.decidedAt,
			acceptedOnto: meetings.number
		})
		.from(agendaProposals)
		.innerJoin(memberships, eq(agendaProposals.membershipId, memberships.id))
		.leftJoin(agendaItems, eq(agendaItems.id, agendaProposals.agendaItemId))
		.leftJoin(meetings, eq(meetings.id, agendaItems.meetingId))
		.where(eq(agendaProposals.meetingId, meetingId))
		.orderBy(asc(agendaProposals.proposedAt));
}
