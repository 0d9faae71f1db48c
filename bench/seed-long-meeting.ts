// Adds to a demo database (DATABASE_URL, or the embedded one in DATA_DIR with the app stopped) a group whose one meeting has a realistic long
// record: eight agenda items, 80 questions with votes and the chair's statuses, and published
// minutes of about 5,000 words. Everything goes through the app's own domain functions.
//
//   DATA_DIR=… npx tsx bench/seed-long-meeting.ts      (run by bench/pages.js)
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { minutes, users } from '../src/lib/server/db/schema';
import { createGroup } from '../src/lib/server/groups/groups';
import { appointOfficer } from '../src/lib/server/groups/officers';
import { addAgendaItem } from '../src/lib/server/meetings/agenda';
import { changeMeetingState, createMeeting } from '../src/lib/server/meetings/meetings';
import { generateSessionToken, sessionUserFields } from '../src/lib/server/auth/session';
import { liveContext } from '../src/lib/server/questions/live';
import { askQuestion } from '../src/lib/server/questions/ask';
import { castVote } from '../src/lib/server/questions/votes';
import { moderateQuestion } from '../src/lib/server/questions/moderate';
import { publishMinutes } from '../src/lib/server/minutes/publish';
import { saveDraft } from '../src/lib/server/minutes/draft';
import { utcToLocal } from '../src/lib/time-zone';

export const longGroupSlug = 'long';
const day = 86_400_000;
const statuses = ['answered', 'partly_answered', 'not_answered', 'declined', 'deferred'] as const;

// Deterministic text: the same database every run.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const words =
	`custody suite officer interpreter record check abroad delay review complaint community
	safeguard policy figures equality assessment detention release charge caution referral consent
	solicitor family language training trauma accuracy conviction database nationality appeal
	inspection report commissioner partnership leaflet rights advice evidence decision timetable`
		.split(/\s+/)
		.filter(Boolean);
const sentence = (n: number) => {
	const s = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
	return `${s[0].toUpperCase()}${s.slice(1)}.`;
};
const paragraph = (sentences: number) =>
	Array.from({ length: sentences }, () => sentence(8 + Math.floor(random() * 10))).join(' ');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

const handle = await openDatabase({
	databaseUrl: process.env.DATABASE_URL || undefined,
	dataDir: process.env.DATA_DIR ?? './data'
});
const db = handle.db;
try {
	const [admin] = await db
		.select(sessionUserFields)
		.from(users)
		.where(eq(users.isSiteAdmin, true))
		.limit(1);
	if (!admin) throw new Error('load the demo first (it creates the site administrator)');
	const actor = { user: admin };
	await createGroup(db, actor, {
		slug: longGroupSlug,
		name: 'Long Meeting Benchmark Group',
		institution: 'Benchmark Service',
		purpose: 'A group with one long meeting, for benchmarks.',
		membershipOpen: true,
		timeZone: 'Europe/London'
	});
	await appointOfficer(db, actor, longGroupSlug, { email: admin.email, role: 'chair' });
	const now = Date.now();
	const date = utcToLocal(new Date(now - 30 * day), 'Europe/London').slice(0, 10);
	const planned = { now: new Date(now - 60 * day) };
	const meeting = await createMeeting(
		db,
		actor,
		longGroupSlug,
		{
			title: 'A long meeting',
			startsAt: `${date}T18:00`,
			endsAt: `${date}T21:00`,
			location: 'Town hall'
		},
		planned
	);
	for (let i = 1; i <= 8; i++) {
		await addAgendaItem(db, actor, longGroupSlug, meeting.number, {
			title: `Item ${i}: ${sentence(5).slice(0, -1)}`,
			plannedMinutes: 20,
			presenter: 'Chief Inspector',
			description: paragraph(6)
		});
	}
	await changeMeetingState(
		db,
		actor,
		longGroupSlug,
		meeting.number,
		{ state: 'scheduled' },
		planned
	);
	await changeMeetingState(
		db,
		actor,
		longGroupSlug,
		meeting.number,
		{ state: 'live' },
		{
			now: meeting.startsAt
		}
	);
	const chair = { user: admin, token: generateSessionToken() };
	const context = () => liveContext(db, chair, longGroupSlug, meeting.number);
	for (let i = 0; i < 80; i++) {
		const question = await askQuestion(
			db,
			{ user: null, token: generateSessionToken() },
			await context(),
			{
				text: `${sentence(12 + Math.floor(random() * 14)).slice(0, -1)}?`,
				anonymous: i % 3 !== 0,
				name: i % 3 === 0 ? `Asker ${i}` : undefined
			}
		);
		for (let v = Math.floor(random() * 8); v > 0; v--) {
			await castVote(db, { user: null, token: generateSessionToken() }, await context(), {
				questionId: question.id
			});
		}
		if (i < 60) {
			const status = statuses[i % statuses.length];
			await moderateQuestion(db, chair, await context(), {
				action: 'status',
				questionId: question.id,
				status,
				summary: sentence(20),
				...(status === 'deferred'
					? { owner: 'Benchmark Service', dueOn: `${date.slice(0, 8)}28` }
					: {})
			});
		}
	}
	await changeMeetingState(
		db,
		actor,
		longGroupSlug,
		meeting.number,
		{ state: 'closed' },
		{
			now: meeting.endsAt
		}
	);
	// The secretary's narrative around the generated record, up to about 5,000 words.
	const [{ draft }] = await db.select().from(minutes).where(eq(minutes.meetingId, meeting.id));
	const narrative: string[] = [];
	while (wordCount(draft) + wordCount(narrative.join(' ')) < 5_000) {
		narrative.push(`### ${sentence(4).slice(0, -1)}\n\n${paragraph(8)}`);
	}
	const markdown = `${draft}\n\n## Discussion\n\n${narrative.join('\n\n')}`;
	await saveDraft(db, actor, longGroupSlug, meeting.number, { markdown });
	await publishMinutes(db, actor, longGroupSlug, meeting.number, {}, { now: meeting.endsAt });
	console.log(
		`Seeded /g/${longGroupSlug}/meetings/${meeting.number}/minutes: ${wordCount(markdown)} words, 80 questions.`
	);
} finally {
	await handle.close();
}
