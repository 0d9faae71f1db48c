// Seeds a fresh database (DATABASE_URL, or the embedded one in DATA_DIR with the app stopped) for
// bench/notify.js: a site administrator, a chair who can sign in, and two groups, `few` with
// BENCH_SMALL_FOLLOWERS (default 10) confirmed followers and `many` with BENCH_FOLLOWERS (default
// 5,000), each with BENCH_MEETINGS (default 40) closed meetings whose minutes drafts are saved and
// ready to publish. Groups, officers, meetings and drafts go through the app's domain functions;
// the followers are inserted in a few set-based statements (three in five are accounts with a
// confirmed address, two in five addresses alone whose opt-in was followed; one in ten reads
// Arabic). Nothing is waiting to be told or sent when it ends.
//
//   DATA_DIR=… npx tsx bench/seed-followers.ts
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { createSiteAdmin, signUp } from '../src/lib/server/auth/accounts';
import { createGroup } from '../src/lib/server/groups/groups';
import { appointOfficer } from '../src/lib/server/groups/officers';
import { addAgendaItem } from '../src/lib/server/meetings/agenda';
import { changeMeetingState, createMeeting } from '../src/lib/server/meetings/meetings';
import { saveDraft } from '../src/lib/server/minutes/draft';
import { minutesOf } from '../src/lib/server/minutes/access';
import { utcToLocal } from '../src/lib/time-zone';

export const chairEmail = 'chair@bench.openfloor.test';
export const chairPassword = 'bench chair passphrase';

const followers = Number(process.env.BENCH_FOLLOWERS ?? 5000);
const smallFollowers = Number(process.env.BENCH_SMALL_FOLLOWERS ?? 10);
const meetingsPerGroup = Number(process.env.BENCH_MEETINGS ?? 40);
const day = 86_400_000;
const zone = 'Europe/London';

// Deterministic text: the same minutes every run.
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const words = `custody suite officer interpreter record check review complaint community safeguard
	policy figures equality assessment detention release referral consent solicitor family language
	training accuracy appeal inspection report partnership leaflet rights advice evidence decision`
	.split(/\s+/)
	.filter(Boolean);
const sentence = (n: number) => {
	const s = Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
	return `${s[0].toUpperCase()}${s.slice(1)}.`;
};
const paragraph = () =>
	Array.from({ length: 6 }, () => sentence(8 + Math.floor(random() * 10))).join(' ');

const handle = await openDatabase({
	databaseUrl: process.env.DATABASE_URL || undefined,
	dataDir: process.env.DATA_DIR ?? './data'
});
const db = handle.db;
try {
	const admin = await createSiteAdmin(db, {
		email: 'admin@bench.openfloor.test',
		password: 'bench admin passphrase',
		displayName: 'Bench administrator'
	});
	const chair = await signUp(
		db,
		{ email: chairEmail, password: chairPassword, displayName: 'Bench Chair' },
		'bench-seed',
		{ emailConfirmed: true }
	);
	const started = Date.now();
	for (const [slug, count] of [
		['few', smallFollowers],
		['many', followers]
	] as const) {
		const group = await createGroup(
			db,
			{ user: admin },
			{
				slug,
				name: `Bench group with ${count.toLocaleString('en-GB')} followers`,
				institution: 'Benchshire Police',
				purpose: 'A group whose minutes are published for a benchmark.',
				membershipOpen: true,
				timeZone: zone
			}
		);
		await appointOfficer(db, { user: admin }, slug, { email: chairEmail, role: 'chair' });
		const actor = { user: chair };
		const now = Date.now();
		for (let i = 0; i < meetingsPerGroup; i++) {
			// Monthly-ish, in the past: held and closed, minutes not yet published.
			const date = utcToLocal(new Date(now - (meetingsPerGroup - i + 1) * 7 * day), zone).slice(
				0,
				10
			);
			const planned = { now: new Date(now - (meetingsPerGroup + 30) * 7 * day) };
			const meeting = await createMeeting(
				db,
				actor,
				slug,
				{
					title: `Meeting ${i + 1}: ${sentence(4).slice(0, -1)}`,
					startsAt: `${date}T18:30`,
					endsAt: `${date}T20:30`,
					location: 'Town hall'
				},
				planned
			);
			for (let a = 1; a <= 3; a++) {
				await addAgendaItem(db, actor, slug, meeting.number, {
					title: `Item ${a}: ${sentence(4).slice(0, -1)}`,
					plannedMinutes: 30
				});
			}
			await changeMeetingState(db, actor, slug, meeting.number, { state: 'scheduled' }, planned);
			await changeMeetingState(
				db,
				actor,
				slug,
				meeting.number,
				{ state: 'live' },
				{ now: meeting.startsAt }
			);
			await changeMeetingState(
				db,
				actor,
				slug,
				meeting.number,
				{ state: 'closed' },
				{ now: meeting.endsAt }
			);
			// The generated draft and the secretary's notes: about 800 words.
			const { draft } = await minutesOf(db, meeting.id);
			const notes = Array.from(
				{ length: 6 },
				(_, n) => `### ${sentence(4).slice(0, -1)} (${n + 1})\n\n${paragraph()}\n\n${paragraph()}`
			);
			await saveDraft(db, actor, slug, meeting.number, {
				markdown: `${draft}\n\n## Discussion\n\n${notes.join('\n\n')}`
			});
		}

		// The followers, in bulk: accounts (confirmed) and addresses alone (opted in).
		const accounts = Math.round(count * 0.6);
		const addresses = count - accounts;
		const prefix = `follower-${slug}-`;
		await db.execute(sql`
			insert into users (email, display_name, password_hash, email_confirmed_at, locale)
			select ${prefix} || g || '@followers.bench.test', 'Follower ' || g, '!', now(),
				case when g % 10 = 0 then 'ar' end
			from generate_series(1, ${accounts}::int) g`);
		await db.execute(sql`
			insert into subscribers (user_id)
			select id from users where email like ${prefix + '%'}`);
		await db.execute(sql`
			insert into subscribers (email, locale, confirmed_at)
			select ${`reader-${slug}-`} || g || '@readers.bench.test',
				case when g % 10 = 0 then 'ar' else 'en' end, now()
			from generate_series(1, ${addresses}::int) g`);
		await db.execute(sql`
			insert into follows (subscriber_id, group_id, confirmed_at)
			select s.id, ${group.id}::uuid, now() from subscribers s
			left join users u on u.id = s.user_id
			where u.email like ${prefix + '%'} or s.email like ${`reader-${slug}-%`}`);
	}
	// Publishing the meetings told of them (`meeting.scheduled`) before anyone followed: those
	// notices are done, and no email waits, so the bench's SMTP server counts only what it causes.
	await db.execute(sql`update notices set started_at = coalesce(started_at, now()), done_at = now()
		where done_at is null`);
	await db.execute(sql`delete from mail_outbox`);
	await db.execute(sql`analyze`);
	console.log(
		`Seeded two groups (${smallFollowers} and ${followers} followers, ${meetingsPerGroup} meetings each) in ${((Date.now() - started) / 1000).toFixed(1)} s.`
	);
} finally {
	await handle.close();
}
