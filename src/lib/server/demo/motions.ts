import type { Database } from '../db';
import type { Meeting } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { declineMotion, proposeMotion, scheduleMotion, secondMotion } from '../motions/propose';
import { castMotionVote, closeMotionVote, openMotionVote } from '../motions/voting';
import { representativeOf } from './people';

const minute = 60_000;

/** How the organisations present voted, in the members' order (absent ones did not vote). */
const votes = ['for', 'for', 'against', 'for', null, 'abstain'] as const;

/**
 * The motions part of the story, at the last meeting held (while it is live, after its questions'
 * decisions: the log's times only go forward): a member's motion,
 * seconded by another, put to the vote and carried, with each organisation's vote recorded; and
 * an officer's motion the secretary declined with a public reason.
 */
export async function loadMotionsDemo(
	db: Database,
	officers: { chair: SessionUser; secretary: SessionUser },
	groupSlug: string,
	meeting: Meeting,
	members: { id: string; present: boolean }[]
) {
	const at = (minutes: number) => ({
		now: new Date(meeting.startsAt.getTime() + minutes * minute)
	});
	const chair = { user: officers.chair };
	const secretary = { user: officers.secretary };
	const [first, second] = members;
	const proposer = await representativeOf(db, first.id);
	const seconder = await representativeOf(db, second.id);
	if (!proposer || !seconder) return;
	const motion = await proposeMotion(
		db,
		{ user: proposer },
		groupSlug,
		meeting.number,
		{
			text: 'The group recommends that the Service publishes its Operation Harbour stop-and-search figures every month, broken down by ethnicity and outcome.'
		},
		at(-3 * 24 * 60)
	);
	await secondMotion(
		db,
		{ user: seconder },
		groupSlug,
		meeting.number,
		motion.number,
		{},
		at(-2 * 24 * 60)
	);
	await scheduleMotion(db, secretary, groupSlug, meeting.number, motion.number, at(-24 * 60));
	await openMotionVote(db, chair, groupSlug, meeting.number, motion.number, at(102));
	for (const [i, member] of members.entries()) {
		const vote = votes[i];
		if (!vote || !member.present) continue;
		const representative = await representativeOf(db, member.id);
		if (!representative) continue;
		await castMotionVote(
			db,
			{ user: representative },
			groupSlug,
			meeting.number,
			motion.number,
			{ vote, membershipId: member.id },
			at(103 + i)
		);
	}
	await closeMotionVote(db, chair, groupSlug, meeting.number, motion.number, at(110));

	const declined = await proposeMotion(
		db,
		secretary,
		groupSlug,
		meeting.number,
		{ text: 'The group thanks the Service for its cooperation this quarter.', asOfficer: true },
		at(-24 * 60)
	);
	await declineMotion(
		db,
		secretary,
		groupSlug,
		meeting.number,
		declined.number,
		{
			reason: 'Withdrawn by agreement: the group records its thanks in the minutes, not by motion.'
		},
		at(112)
	);
}
