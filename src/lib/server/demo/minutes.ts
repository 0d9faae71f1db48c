import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { memberships, minutes, type Meeting } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { getGroup } from '../groups/groups';
import { publishMinutes } from '../minutes/publish';
import { saveDraft } from '../minutes/draft';
import { declineCorrection, submitCorrection } from '../minutes/corrections';
import { recordCommitment, updateCommitmentStatus } from '../commitments/commitments';
import { representativeOf } from './people';

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

type Officers = { chair: SessionUser; secretary: SessionUser };

/**
 * The minutes part of the story, run as each meeting closes: its minutes published; the first
 * meeting's amended after a member's correction; a correction to the second's declined and kept
 * as recorded dissent. And the actions: one done, one dropped with its reason, one overdue, one
 * still running (besides the overdue commitment made when a question was deferred).
 */
export async function loadMinutesDemo(
	db: Database,
	officers: Officers,
	groupSlug: string,
	index: number,
	meeting: Meeting
) {
	const group = await getGroup(db, groupSlug);
	const secretary = { user: officers.secretary };
	const after = (days: number) => ({ now: new Date(meeting.endsAt.getTime() + days * day) });
	const dueAfter = (days: number) =>
		new Date(meeting.endsAt.getTime() + days * day).toISOString().slice(0, 10);
	const draftOf = async () => {
		const [row] = await db
			.select({ draft: minutes.draft })
			.from(minutes)
			.where(eq(minutes.meetingId, meeting.id));
		return row.draft;
	};
	const saveAndPublish = async (markdown: string, days: number, publish: object = {}) => {
		await saveDraft(db, secretary, groupSlug, meeting.number, { markdown });
		await publishMinutes(db, secretary, groupSlug, meeting.number, publish, after(days));
	};
	const action = (owner: string, description: string, dueInDays: number) =>
		recordCommitment(
			db,
			secretary,
			groupSlug,
			meeting.number,
			{ owner, description, dueOn: dueAfter(dueInDays) },
			after(1)
		);
	const resolve = (id: string, status: 'done' | 'dropped', note: string, days: number) =>
		updateCommitmentStatus(db, secretary, groupSlug, id, { status, note }, after(days));
	const member = async (position: number) => {
		const rows = await db
			.select({ id: memberships.id })
			.from(memberships)
			.where(and(eq(memberships.groupId, group.id), isNull(memberships.endedAt)))
			.orderBy(asc(memberships.startedAt));
		return { user: await representativeOf(db, rows[position].id) };
	};

	// The actions were recorded the day after the meeting, before anything was published (the
	// decision log holds them in the order they happened).
	const policy =
		index === 0
			? await action(
					'Riverside Police Service',
					'Publish the written policy on when immigration officers are called to the custody suites.',
					42
				)
			: undefined;
	const waits =
		index === 1
			? await action(
					'Riverside Police Service',
					'Report how long people are held in custody while replies to foreign record checks are awaited.',
					28
				)
			: undefined;
	if (index === 1) {
		await action(
			'Riverside Police Service',
			'Provide the custody suite leaflet on people’s rights in Arabic, Farsi and Tigrinya.',
			35
		);
	} else if (index > 1) {
		await action(
			'Secretary, on behalf of the group',
			'Send members the equality impact assessment for Operation Harbour once received.',
			45
		);
	}

	// The secretary's summary goes under the meeting's title, time and place, above the record.
	const draft = await draftOf();
	const record = draft.indexOf('\n## ');
	await saveAndPublish(
		`${draft.slice(0, record).trimEnd()}\n\n${summaries[index]}\n${draft.slice(record)}`,
		5
	);

	if (index === 0) {
		// A member points out a missing condition; the secretary amends the minutes.
		const correction = await submitCorrection(
			db,
			await member(0),
			groupSlug,
			meeting.number,
			{
				text: 'The minutes say the terms of reference were agreed. They were agreed on condition that the membership rules are reviewed after six months; that condition is missing.'
			},
			after(8)
		);
		const amended = (await draftOf()).replace(
			'The terms of reference were agreed.',
			'The terms of reference were agreed, on condition that the membership rules are reviewed after six months.'
		);
		await saveAndPublish(amended, 10, {
			changeNote:
				'Added the condition attached to the terms of reference, as the Riverside Migrants’ Rights Network pointed out.',
			acceptCorrections: [correction.id]
		});
		await resolve(
			policy!.id,
			'done',
			'Published on the Service’s website; the link was sent to every member organisation.',
			35
		);
	} else if (index === 1) {
		// A correction the secretary declines: it stays with the minutes as recorded dissent.
		const dissent = await submitCorrection(
			db,
			await member(1),
			groupSlug,
			meeting.number,
			{
				text: 'The minutes should say that the Service promised to tell us how long people wait in custody for replies from abroad. It did not say it would only “look into” it.'
			},
			after(7)
		);
		await declineCorrection(
			db,
			secretary,
			groupSlug,
			meeting.number,
			dissent.id,
			{
				reason:
					'The officers’ notes and the chair’s notes both record that the Service said it would look into what it records, not that it would give the figure. The question was asked again at meeting 3 and is on the ledger.'
			},
			after(9)
		);
		await resolve(
			waits!.id,
			'dropped',
			'The Service says it does not record this figure. The chair will ask the Police and Crime Commissioner to require it.',
			30
		);
	}
}
