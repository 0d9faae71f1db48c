import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { groups, users } from '../db/schema';
import { createSiteAdmin, signUp } from '../auth/accounts';
import { createGroup } from '../groups/groups';
import { appointOfficer } from '../groups/officers';
import { sessionUserFields, type SessionUser } from '../auth/session';
import { loadMembershipDemo } from './membership';
import { loadRepresentativesDemo } from './representatives';
import { forgetDemoMail } from './people';
import { loadFollowersDemo } from './followers';
import { loadMeetingsDemo } from './meetings';
import { loadWrittenDemo } from './written';
import { loadMinutesDemo } from './minutes';
import { loadCheckpointsDemo } from './checkpoints';

/** The demo's accounts; printed by `npm run demo` and listed in the README. */
export const demoAccounts = {
	admin: {
		email: 'admin@openfloor.example',
		password: 'demo-admin-passphrase',
		displayName: 'Site administrator'
	},
	chair: {
		email: 'chair@harbour.example',
		password: 'demo-chair-passphrase',
		displayName: 'Grace Okafor'
	},
	secretary: {
		email: 'secretary@harbour.example',
		password: 'demo-secretary-passphrase',
		displayName: 'Tomasz Nowak'
	},
	/** Staff of the Service appointed to answer written questions (and nothing else). */
	respondent: {
		email: 'respondent@riverside-police.example',
		password: 'demo-respondent-passphrase',
		displayName: 'Inspector Dana Whitfield'
	}
} as const;

export const demoGroupSlug = 'harbour';

const purpose = `Operation Harbour is a joint operation of the Riverside Police Service and immigration enforcement
in the custody suites of Riverside. People arrested are checked against immigration records and, where they
were born abroad, against criminal records held in other countries.

This group exists so that the communities most affected can **question the officers leading the operation**
and hold the Service to account, in the open:

- any community organisation working with people affected may apply to join, and every decision on an
  application is published with its reasons;
- agendas are published before each meeting, and anyone may ask questions at it, anonymously if they wish;
- the minutes record every question, whether it was answered, and every commitment the Service made.`;

async function ensureUser(
	db: Database,
	account: { email: string; password: string; displayName: string }
) {
	const [existing] = await db
		.select(sessionUserFields)
		.from(users)
		.where(eq(users.email, account.email));
	return existing ?? (await signUp(db, account, 'demo-loader', { emailConfirmed: true }));
}

/** Loads the demo story once; running it again changes nothing. */
export async function loadDemo(db: Database): Promise<string> {
	const [existing] = await db
		.select({ id: groups.id })
		.from(groups)
		.where(eq(groups.slug, demoGroupSlug));
	if (existing) return 'The demo is already loaded.';
	const admin: SessionUser = await createSiteAdmin(db, demoAccounts.admin);
	const chair = await ensureUser(db, demoAccounts.chair);
	const secretary = await ensureUser(db, demoAccounts.secretary);
	await createGroup(
		db,
		{ user: admin },
		{
			slug: demoGroupSlug,
			name: 'Operation Harbour Community Reference Group',
			institution: 'Riverside Police Service',
			purpose,
			membershipOpen: true,
			timeZone: 'Europe/London'
		}
	);
	// The officers were appointed before the story's first application (420 days ago), so the
	// log's times rise with its sequence.
	const appointed = { now: new Date(Date.now() - 430 * 86_400_000) };
	await appointOfficer(
		db,
		{ user: admin },
		demoGroupSlug,
		{ email: chair.email, role: 'chair' },
		appointed
	);
	await appointOfficer(
		db,
		{ user: chair },
		demoGroupSlug,
		{ email: secretary.email, role: 'secretary' },
		appointed
	);
	const officers = { chair, secretary };
	// The story's decisions are logged in the order they happened: membership until the first
	// meeting, that meeting's minutes, the closing of membership, then the later meetings.
	const resumeMembership = await loadMembershipDemo(db, officers, demoGroupSlug, 100);
	await loadMeetingsDemo(db, officers, demoGroupSlug, async (index, meeting) => {
		await loadMinutesDemo(db, officers, demoGroupSlug, index, meeting);
		if (index === 0) await resumeMembership();
	});
	await loadRepresentativesDemo(db, demoGroupSlug);
	// Written questions between meetings, answered and overdue, before the head is signed.
	const respondent = await ensureUser(db, demoAccounts.respondent);
	await loadWrittenDemo(db, officers, respondent, demoGroupSlug);
	await loadCheckpointsDemo(db, demoGroupSlug);
	await loadFollowersDemo(db, demoGroupSlug);
	await forgetDemoMail(db);
	const lines = Object.entries(demoAccounts).map(
		([role, a]) => `  ${role.padEnd(10)} ${a.email.padEnd(28)} ${a.password}`
	);
	return [
		'Demo loaded: Operation Harbour Community Reference Group (/g/harbour).',
		'Accounts:',
		...lines
	].join('\n');
}
