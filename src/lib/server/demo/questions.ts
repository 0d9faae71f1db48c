import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { commitments, questions, type Meeting } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { generateSessionToken } from '../auth/session';
import { liveContext, type Participant } from '../questions/live';
import { askQuestion, recordFloorQuestion } from '../questions/ask';
import { castVote, rateAnswer } from '../questions/votes';
import { moderateQuestion } from '../questions/moderate';

type Verdicts = { answered: number; partly_answered: number; not_answered: number };
type Story = {
	text: string;
	name?: string;
	votes: number;
	status?: 'answered' | 'partly_answered' | 'not_answered' | 'declined' | 'deferred';
	summary?: string;
	verdicts?: Verdicts;
};

const day = 86_400_000;

/** The last meeting's questions: what was asked, how the room voted, and what became of it. */
const asked: Story[] = [
	{
		text: 'How long are people held while foreign record checks are done?',
		votes: 23,
		status: 'not_answered',
		summary: 'The Service said it does not record how long a person waits for a reply from abroad.',
		verdicts: { answered: 0, partly_answered: 2, not_answered: 14 }
	},
	{
		text: 'What safeguards check the accuracy of convictions reported from abroad?',
		votes: 19,
		status: 'deferred',
		summary: 'Detective Inspector Marsh will set out the checks in writing before the next meeting.'
	},
	{
		text: 'Are British suspects checked in the same way?',
		name: 'Amara Diallo',
		votes: 17,
		status: 'partly_answered',
		summary:
			'British nationals are checked against the Police National Computer; the Service did not say whether anyone born abroad is checked further.',
		verdicts: { answered: 3, partly_answered: 4, not_answered: 11 }
	},
	{
		text: 'Who decides that immigration officers are called to the custody suite?',
		votes: 14,
		status: 'answered',
		summary: 'The custody sergeant, following a written policy that the Service will publish.',
		verdicts: { answered: 9, partly_answered: 2, not_answered: 1 }
	},
	{
		text: 'Are interpreters available before anyone is questioned about their status?',
		votes: 12,
		status: 'answered',
		summary: 'Yes: a telephone interpreter is booked at booking-in, before any interview.'
	},
	{
		text: 'How many people arrested under the operation were never charged with anything?',
		name: 'Pastor John Mensah',
		votes: 11,
		status: 'declined',
		summary: 'The Service declined to give figures while its internal review is under way.'
	},
	{
		text: 'Can someone be held only because a check abroad has not come back yet?',
		votes: 9,
		status: 'partly_answered',
		summary:
			'Not in law, said the Service; the group asked for the custody records that would show it.'
	},
	{
		text: 'Is information from these checks shared with the Home Office automatically?',
		votes: 8,
		status: 'answered',
		summary: 'Only where a person is identified as liable to removal; each referral is recorded.'
	},
	{
		text: 'Will the group see the equality impact assessment for Operation Harbour?',
		name: 'Leila Haddad',
		votes: 6
	},
	{ text: 'Do officers receive training on trauma and on refugees’ fear of the police?', votes: 5 },
	{
		text: 'How can a person complain if they think they were checked because of their accent?',
		votes: 4
	}
];

const rejected = {
	text: 'When will the bins on Mill Street be collected again?',
	reason: 'off_topic' as const,
	note: 'This is a question for the council, not for this group.'
};
const duplicate = 'How many hours do people wait in custody for record checks?';
const fromTheFloor = {
	text: 'Why was the community not consulted before the operation began?',
	name: 'A member of the public'
};

const attendee = (): Participant => ({ user: null, token: generateSessionToken() });

/** Asks, votes, moderates and rates the last held meeting's questions while it is live. */
export async function loadQuestionsDemo(
	db: Database,
	officers: { chair: SessionUser },
	groupSlug: string,
	meeting: Meeting
) {
	const chair: Participant = { user: officers.chair, token: generateSessionToken() };
	const context = () => liveContext(db, chair, groupSlug, meeting.number);
	// Everything happened during the meeting, a few minutes apart.
	const at = (minutes: number) => new Date(meeting.startsAt.getTime() + minutes * 60_000);
	const ids: string[] = [];
	for (const story of asked) {
		const q = await askQuestion(db, attendee(), await context(), {
			text: story.text,
			anonymous: !story.name,
			name: story.name
		});
		ids.push(q.id);
		for (let v = 0; v < story.votes; v++) {
			await castVote(db, attendee(), await context(), { questionId: q.id, up: true });
		}
	}
	const off = await askQuestion(db, attendee(), await context(), {
		text: rejected.text,
		anonymous: true
	});
	await moderateQuestion(
		db,
		chair,
		await context(),
		{ action: 'reject', questionId: off.id, reason: rejected.reason, note: rejected.note },
		{ now: at(85) }
	);
	const dup = await askQuestion(db, attendee(), await context(), {
		text: duplicate,
		anonymous: true
	});
	for (let v = 0; v < 3; v++)
		await castVote(db, attendee(), await context(), { questionId: dup.id });
	await moderateQuestion(
		db,
		chair,
		await context(),
		{ action: 'merge', questionId: dup.id, intoId: ids[0] },
		{ now: at(85) }
	);
	await recordFloorQuestion(db, chair, await context(), fromTheFloor);

	const due = new Date(meeting.startsAt.getTime() + 21 * day).toISOString().slice(0, 10);
	for (const [i, story] of asked.entries()) {
		if (!story.status) continue;
		await moderateQuestion(
			db,
			chair,
			await context(),
			{
				action: 'status',
				questionId: ids[i],
				status: story.status,
				summary: story.summary,
				...(story.status === 'deferred' ? { owner: 'Riverside Police Service', dueOn: due } : {})
			},
			{ now: at(100) }
		);
		for (const [verdict, count] of Object.entries(story.verdicts ?? {})) {
			for (let r = 0; r < count; r++) {
				await rateAnswer(db, attendee(), await context(), {
					questionId: ids[i],
					verdict: verdict as keyof Verdicts
				});
			}
		}
	}
	const rows = await db
		.select({
			id: questions.id,
			moderatedAt: questions.moderatedAt,
			answeredAt: questions.answeredAt
		})
		.from(questions)
		.where(eq(questions.meetingId, meeting.id))
		.orderBy(questions.askedAt);
	for (const [i, row] of rows.entries()) {
		await db
			.update(questions)
			.set({
				askedAt: at(2 + i * 5),
				publishedAt: at(2 + i * 5),
				moderatedAt: row.moderatedAt ? at(85) : null,
				answeredAt: row.answeredAt ? at(100) : null
			})
			.where(eq(questions.id, row.id));
	}
	await db
		.update(commitments)
		.set({ createdAt: new Date(meeting.startsAt.getTime() + 100 * 60_000) })
		.where(eq(commitments.meetingId, meeting.id));
}

/** Asked before the next meeting (questions in advance), with the votes gathered so far. */
const inAdvance: Story[] = [
	{
		text: 'Will the quarterly figures show how many stops under Operation Harbour led to an arrest?',
		votes: 11
	},
	{
		text: 'Can the meeting have interpreters for Arabic and Tigrinya, as it did in the spring?',
		name: 'Riverside Refugee Welcome',
		votes: 7
	},
	{ text: 'Who checks the Service’s data before it is published?', votes: 4 }
];

/** The next meeting's questions in advance: they enter its live list with their votes when it starts. */
export async function loadAdvanceQuestionsDemo(
	db: Database,
	officers: { chair: SessionUser },
	groupSlug: string,
	meeting: Meeting
) {
	const chair: Participant = { user: officers.chair, token: generateSessionToken() };
	const context = await liveContext(db, chair, groupSlug, meeting.number);
	for (const story of inAdvance) {
		const q = await askQuestion(db, attendee(), context, {
			text: story.text,
			anonymous: !story.name,
			name: story.name
		});
		for (let v = 0; v < story.votes; v++) {
			await castVote(db, attendee(), context, { questionId: q.id, up: true });
		}
	}
}
