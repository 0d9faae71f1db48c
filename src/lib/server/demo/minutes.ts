import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { meetings, memberships, minutes } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { getGroup } from '../groups/groups';
import { publishMinutes } from '../minutes/publish';
import { saveDraft } from '../minutes/draft';
import { declineCorrection, submitCorrection } from '../minutes/corrections';
import { recordAction, updateActionStatus } from '../actions/actions';
import { representativeOf } from './meetings';

const day = 86_400_000;

/** What the secretary wrote above the generated record, meeting by meeting. */
const summaries = [
	`## Summary

The Service explained how Operation Harbour works in the custody suites: everyone arrested is
checked against immigration records, and people born abroad are also checked against criminal
records held in their country of birth. Members asked for the written policy on when immigration
officers are called; the Service agreed to publish it. The terms of reference were agreed.`,
	`## Summary

Detective Inspector Marsh described foreign criminal record checks and the delays in replies from
abroad. Members asked how long people are held while replies are awaited; the Service said it
would look into what it records. Attendance was lower than at the first meeting: two
organisations sent apologies.`,
	`## Summary

The meeting was given over to open questions from the communities, asked through the live
questions page and from the floor. Fourteen questions were asked; the record below shows what
became of each, and what the room made of the answers. Four questions were not reached and are
carried to the next meeting.`
];

/**
 * The minutes part of the story: minutes published for each meeting held; the first amended
 * after a member's correction; a correction to the second declined and kept as recorded
 * dissent. And the actions: one done, one dropped with its reason, one overdue, one still
 * running (besides the overdue commitment made when a question was deferred).
 */
export async function loadMinutesDemo(
	db: Database,
	officers: { chair: SessionUser; secretary: SessionUser },
	groupSlug = 'harbour'
) {
	const group = await getGroup(db, groupSlug);
	const secretary = { user: officers.secretary };
	const held = await db
		.select({ number: meetings.number, endsAt: meetings.endsAt, draft: minutes.draft })
		.from(meetings)
		.innerJoin(minutes, eq(minutes.meetingId, meetings.id))
		.where(and(eq(meetings.groupId, group.id), eq(meetings.state, 'closed')))
		.orderBy(asc(meetings.number));
	const members = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.groupId, group.id), isNull(memberships.endedAt)))
		.orderBy(asc(memberships.startedAt));
	const [first, second] = await Promise.all(
		members.slice(0, 2).map((m) => representativeOf(db, m.id))
	);
	const after = (meeting: { endsAt: Date }, days: number) => ({
		now: new Date(meeting.endsAt.getTime() + days * day)
	});
	const dueAfter = (meeting: { endsAt: Date }, days: number) =>
		new Date(meeting.endsAt.getTime() + days * day).toISOString().slice(0, 10);

	for (const [index, meeting] of held.entries()) {
		const [title, ...record] = meeting.draft.split('\n\n');
		const draft = [title, summaries[index] ?? '', ...record].filter(Boolean).join('\n\n');
		await saveDraft(db, secretary, groupSlug, meeting.number, { markdown: draft });
		await publishMinutes(db, secretary, groupSlug, meeting.number, {}, after(meeting, 5));
	}
	const [one, two, three] = held;
	if (!one || !two || !three || !first || !second) return;

	// Meeting 1: a member points out a missing condition; the secretary amends the minutes.
	const correction = await submitCorrection(
		db,
		{ user: first },
		groupSlug,
		one.number,
		{
			text: 'The minutes say the terms of reference were agreed. They were agreed on condition that the membership rules are reviewed after six months; that condition is missing.'
		},
		after(one, 8)
	);
	const [current] = await db
		.select({ draft: minutes.draft })
		.from(minutes)
		.innerJoin(meetings, eq(minutes.meetingId, meetings.id))
		.where(and(eq(meetings.groupId, group.id), eq(meetings.number, one.number)));
	await saveDraft(db, secretary, groupSlug, one.number, {
		markdown: current.draft.replace(
			'The terms of reference were agreed.',
			'The terms of reference were agreed, on condition that the membership rules are reviewed after six months.'
		)
	});
	await publishMinutes(
		db,
		secretary,
		groupSlug,
		one.number,
		{
			changeNote:
				'Added the condition attached to the terms of reference, as the Riverside Migrants’ Rights Network pointed out.',
			acceptCorrections: [correction.id]
		},
		after(one, 10)
	);

	// Meeting 2: a correction the secretary declines; it stays with the minutes as dissent.
	const dissent = await submitCorrection(
		db,
		{ user: second },
		groupSlug,
		two.number,
		{
			text: 'The minutes should say that the Service promised to tell us how long people wait in custody for replies from abroad. It did not say it would only “look into” it.'
		},
		after(two, 7)
	);
	await declineCorrection(
		db,
		secretary,
		groupSlug,
		two.number,
		dissent.id,
		{
			reason:
				'The officers’ notes and the chair’s notes both record that the Service said it would look into what it records, not that it would give the figure. The question was asked again at meeting 3 and is on the ledger.'
		},
		after(two, 9)
	);

	// Actions: one done, one dropped with its reason, one overdue, one not yet due.
	const policy = await recordAction(
		db,
		secretary,
		groupSlug,
		one.number,
		{
			owner: 'Riverside Police Service',
			description:
				'Publish the written policy on when immigration officers are called to the custody suites.',
			dueOn: dueAfter(one, 42)
		},
		after(one, 1)
	);
	await updateActionStatus(
		db,
		secretary,
		groupSlug,
		policy.id,
		{
			status: 'done',
			note: 'Published on the Service’s website; the link was sent to every member organisation.'
		},
		after(one, 35)
	);
	const waits = await recordAction(
		db,
		secretary,
		groupSlug,
		two.number,
		{
			owner: 'Riverside Police Service',
			description:
				'Report how long people are held in custody while replies to foreign record checks are awaited.',
			dueOn: dueAfter(two, 28)
		},
		after(two, 1)
	);
	await updateActionStatus(
		db,
		secretary,
		groupSlug,
		waits.id,
		{
			status: 'dropped',
			note: 'The Service says it does not record this figure. The chair will ask the Police and Crime Commissioner to require it.'
		},
		after(two, 30)
	);
	await recordAction(
		db,
		secretary,
		groupSlug,
		two.number,
		{
			owner: 'Riverside Police Service',
			description:
				'Provide the custody suite leaflet on people’s rights in Arabic, Farsi and Tigrinya.',
			dueOn: dueAfter(two, 35)
		},
		after(two, 1)
	);
	await recordAction(
		db,
		secretary,
		groupSlug,
		three.number,
		{
			owner: 'Secretary, on behalf of the group',
			description:
				'Send members the equality impact assessment for Operation Harbour once received.',
			dueOn: dueAfter(three, 45)
		},
		after(three, 1)
	);
}
