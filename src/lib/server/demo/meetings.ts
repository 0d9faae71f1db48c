import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { memberships, type Meeting } from '../db/schema';
import { representativeOf } from './people';
import type { SessionUser } from '../auth/session';
import { getGroup } from '../groups/groups';
import { addAgendaItem, listAgenda } from '../meetings/agenda';
import { attachDocument } from '../meetings/documents';
import { recordAttendance, sendApologies } from '../meetings/attendance';
import { changeMeetingState, createMeeting } from '../meetings/meetings';
import { decideProposal, proposeAgendaItem } from '../meetings/proposals';
import { utcToLocal } from '$lib/time-zone';
import { loadAdvanceQuestionsDemo, loadQuestionsDemo } from './questions';
import { loadMotionsDemo } from './motions';
import { loadSpeakersDemo } from './speakers';

const day = 86_400_000;
const minute = 60_000;

type Item = { title: string; minutes: number; presenter?: string; description?: string };

const opening: Item[] = [
	{ title: 'Welcome, apologies and declarations of interest', minutes: 10, presenter: 'Chair' },
	{ title: 'Minutes of the last meeting', minutes: 15, presenter: 'Secretary' }
];

/** The three meetings held so far: days ago, and what was on the agenda. */
const held: { daysAgo: number; title: string; items: Item[]; others: number }[] = [
	{
		daysAgo: 175,
		title: 'Terms of reference and the first figures',
		others: 9,
		items: [
			...opening.slice(0, 1),
			{
				title: 'How Operation Harbour works in the custody suites',
				minutes: 40,
				presenter: 'Superintendent Ruth Calloway, Riverside Police Service',
				description:
					'An outline of the operation: who is checked, against which records, and who decides what follows.'
			},
			{ title: 'Agreeing the terms of reference', minutes: 30, presenter: 'Chair' }
		]
	},
	{
		daysAgo: 91,
		title: 'Foreign criminal record checks',
		others: 4,
		items: [
			...opening,
			{
				title: 'Foreign criminal record checks: the process and its delays',
				minutes: 45,
				presenter: 'Detective Inspector Owen Marsh',
				description:
					'How requests for records are sent abroad, how long answers take, and what happens to a person meanwhile.'
			}
		]
	},
	{
		daysAgo: 28,
		title: 'Questions from the communities',
		others: 11,
		items: [
			...opening,
			{
				title: 'Open questions to the officers leading the operation',
				minutes: 60,
				presenter: 'Superintendent Ruth Calloway',
				description: 'Questions may be asked from the floor or online, anonymously if you wish.'
			}
		]
	}
];

/** Who came: by organisation, in the order the members joined. Attendance falls at the second. */
const attendanceAt: ('present' | 'apologies' | 'absent')[][] = [
	['present', 'present', 'present', 'present', 'present', 'present'],
	['present', 'apologies', 'present', 'apologies', 'absent', 'present'],
	['present', 'present', 'present', 'present', 'apologies', 'present']
];

/** The meeting four weeks from now, with a full agenda. */
const upcoming: Item[] = [
	...opening,
	{
		title: 'Quarterly figures: arrests, checks and referrals',
		minutes: 25,
		presenter: 'Riverside Police Service analysts',
		description:
			'The figures for the last quarter, **by nationality and outcome**, as the group asked at its last meeting.'
	},
	{
		title: 'Accuracy of convictions reported from abroad',
		minutes: 30,
		presenter: 'Detective Inspector Owen Marsh',
		description: 'The Service’s answer to the question deferred at the last meeting.'
	},
	{
		title: 'Review of the terms of reference',
		minutes: 15,
		presenter: 'Chair',
		description: 'Membership has been closed pending this review; the group decides how to proceed.'
	},
	{ title: 'Any other business', minutes: 10, presenter: 'Chair' }
];

/** The meeting's start: 18:30 on a day `daysFromNow` away, in the group's zone. */
const evening = (daysFromNow: number, zone: string, now: number) =>
	`${utcToLocal(new Date(now + daysFromNow * day), zone).slice(0, 10)}T18:30`;
const endOf = (start: string) => start.replace('T18:30', 'T20:30');

/**
 * The meetings part of the story: three meetings held, with attendance falling at the second
 * (apologies sent beforehand by two organisations), and one coming up with a full agenda and two
 * proposals from members, one accepted and one declined with its reason. Runs after the
 * membership demo, whose members it uses.
 */
export async function loadMeetingsDemo(
	db: Database,
	officers: { chair: SessionUser; secretary: SessionUser },
	groupSlug = 'harbour',
	/** What happens after each meeting held closes (its minutes), in the story's order. */
	afterHeld: (index: number, meeting: Meeting) => Promise<void> = async () => {}
) {
	const now = Date.now();
	const group = await getGroup(db, groupSlug);
	const zone = group.timeZone;
	const chair = { user: officers.chair };
	const secretary = { user: officers.secretary };
	const members = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.groupId, group.id), isNull(memberships.endedAt)))
		.orderBy(asc(memberships.startedAt));

	const addItems = async (number: number, items: Item[]) => {
		for (const item of items) {
			await addAgendaItem(db, secretary, groupSlug, number, {
				title: item.title,
				plannedMinutes: item.minutes,
				presenter: item.presenter,
				description: item.description
			});
		}
	};

	for (const [index, story] of held.entries()) {
		const startsAt = evening(-story.daysAgo, zone, now);
		// Each step happens on its own day, as it did: planned three weeks ahead, held, closed.
		const planned = { now: new Date(now - (story.daysAgo + 21) * day) };
		const meeting = await createMeeting(
			db,
			secretary,
			groupSlug,
			{
				title: story.title,
				startsAt,
				endsAt: endOf(startsAt),
				location: 'Riverside Community Centre, Hall 2'
			},
			planned
		);
		await addItems(meeting.number, story.items);
		await changeMeetingState(
			db,
			secretary,
			groupSlug,
			meeting.number,
			{ state: 'scheduled' },
			planned
		);
		const statuses = attendanceAt[index];
		for (const [i, member] of members.entries()) {
			if (statuses[i] !== 'apologies') continue;
			const representative = await representativeOf(db, member.id);
			if (!representative) continue;
			await sendApologies(
				db,
				{ user: representative },
				groupSlug,
				meeting.number,
				{ membershipId: member.id },
				{
					now: new Date(meeting.startsAt.getTime() - 2 * day)
				}
			);
		}
		const started = { now: meeting.startsAt };
		await changeMeetingState(db, secretary, groupSlug, meeting.number, { state: 'live' }, started);
		await recordAttendance(db, secretary, groupSlug, meeting.number, {
			entries: members.map((m, i) => ({ membershipId: m.id, status: statuses[i] ?? 'absent' })),
			otherAttendees: story.others
		});
		// The last meeting held carries the live Q&A record of the demo story, its speakers' list and
		// its motions.
		if (index === held.length - 1) {
			await loadQuestionsDemo(db, officers, groupSlug, meeting);
			const present = members.map((m, i) => ({ id: m.id, present: statuses[i] === 'present' }));
			await loadSpeakersDemo(db, officers, groupSlug, meeting, present);
			await loadMotionsDemo(db, officers, groupSlug, meeting, present);
		}
		await changeMeetingState(
			db,
			secretary,
			groupSlug,
			meeting.number,
			{ state: 'closed' },
			{
				now: new Date(meeting.endsAt.getTime() + 10 * minute)
			}
		);
		await afterHeld(index, meeting);
	}

	const startsAt = evening(28, zone, now);
	const next = await createMeeting(db, secretary, groupSlug, {
		title: 'Figures, safeguards and the terms of reference',
		startsAt,
		endsAt: endOf(startsAt),
		location: 'Riverside Community Centre, Hall 2',
		onlineUrl: 'https://meet.example.org/harbour-crg'
	});
	await addItems(next.number, upcoming);
	const [figures] = (await listAgenda(db, next.id)).filter((i) => i.title.startsWith('Quarterly'));
	await attachDocument(db, secretary, groupSlug, next.number, figures.id, {
		title: 'Operation Harbour quarterly statistics (Riverside Police Service)',
		url: 'https://example.org/riverside-police/operation-harbour/statistics'
	});
	await changeMeetingState(db, secretary, groupSlug, next.number, { state: 'scheduled' });
	await loadAdvanceQuestionsDemo(db, officers, groupSlug, next);

	const [first, second] = members;
	if (first && second) {
		const proposer = await representativeOf(db, first.id);
		const other = await representativeOf(db, second.id);
		const accepted = await proposeAgendaItem(db, { user: proposer }, groupSlug, next.number, {
			title: 'Access to interpreters during custody interviews',
			why: 'Several people we support were interviewed about their immigration status without an interpreter.',
			membershipId: first.id
		});
		await decideProposal(db, chair, groupSlug, accepted.id, { outcome: 'accepted' });
		const declined = await proposeAgendaItem(db, { user: other }, groupSlug, next.number, {
			title: 'Funding for community legal advice',
			why: 'Legal advice services in Riverside have lost funding this year.',
			membershipId: second.id
		});
		await decideProposal(db, chair, groupSlug, declined.id, {
			outcome: 'declined',
			reason:
				'Outside the terms of reference: the group holds the Service to account for Operation Harbour, and funding of advice services is not the Service’s decision. We will pass the concern to the council’s community safety partnership.'
		});
	}
}
