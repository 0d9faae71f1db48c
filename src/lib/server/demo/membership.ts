import { and, eq, isNull, like } from 'drizzle-orm';
import type { Database } from '../db';
import { mailOutbox, users } from '../db/schema';
import { signUp } from '../auth/accounts';
import type { SessionUser } from '../auth/session';
import { applyForMembership, appealRefusal, withdrawApplication } from '../membership/apply';
import { decideApplication, startReview } from '../membership/review';
import { appealPanel, castPanelVote, setAppealsBy } from '../membership/appeals';
import { setMembershipOpen } from '../membership/openness';

/**
 * The membership part of the demo story, replayed through the domain functions with the story's
 * own dates (so every decision is in the log, in order, and the chain verifies): six member
 * organisations, a refusal overturned on appeal, a refusal for working outside the area, a
 * withdrawal, one application pending, and a three-month closure whose review date has passed.
 */
const day = 86_400_000;

type Story = {
	organisation: string;
	category: string;
	area: string;
	description: string;
	contact: string;
	/** Days before today. */
	applied: number;
	then:
		| { accept: number }
		| { refuse: number; reason: string; appeal?: { on: number; decided: number; reason: string } }
		| { withdraw: number }
		| { review: number };
};

const tooMany = 'The group has reached the number of organisations the Service can support.';

const story: Story[] = [
	{
		organisation: 'Riverside Migrants’ Rights Network',
		category: 'Migrant rights',
		area: 'Riverside and the county',
		description: 'A network of 40 groups defending the rights of migrants in Riverside.',
		contact: 'Leila Haddad',
		applied: 420,
		then: { accept: 405 }
	},
	{
		organisation: 'Riverside Refugee Forum',
		category: 'Refugee community organisation',
		area: 'Riverside',
		description: 'A refugee-led forum of community associations.',
		contact: 'Samuel Tesfaye',
		applied: 418,
		then: { accept: 404 }
	},
	{
		organisation: 'Institute of Race Relations Riverside',
		category: 'Other',
		area: 'Riverside and the county',
		description: 'Research and advocacy on race and policing.',
		contact: 'Priya Raman',
		applied: 415,
		then: { accept: 403 }
	},
	{
		organisation: 'Refugee Women’s Network',
		category: "Women's network",
		area: 'Riverside',
		description: 'Peer support and advocacy by and for refugee women.',
		contact: 'Hodan Ali',
		applied: 390,
		then: { accept: 371 }
	},
	{
		organisation: 'Harbour Law Centre',
		category: 'Legal advice',
		area: 'Riverside',
		description: 'Free legal advice on immigration, housing and criminal justice.',
		contact: 'Daniel Mensah',
		applied: 350,
		then: {
			refuse: 336,
			reason: tooMany,
			appeal: {
				on: 330,
				decided: 309,
				reason:
					'On appeal: legal advice is missing from the group, and the Service has agreed to support one more organisation.'
			}
		}
	},
	{
		organisation: 'St Brigid’s Night Shelter',
		category: 'Faith group',
		area: 'Riverside city centre',
		description: 'A church-run night shelter for people without recourse to public funds.',
		contact: 'Sister Margaret Doyle',
		applied: 280,
		then: { accept: 262 }
	},
	{
		organisation: 'Northfield Tenants’ Association',
		category: 'Other',
		area: 'Northfield district',
		description: 'Tenants’ rights in the Northfield estates.',
		contact: 'Gary Pritchard',
		applied: 240,
		then: {
			refuse: 221,
			reason:
				'The association works in Northfield, outside the custody suites and the area Operation Harbour covers.'
		}
	},
	{
		organisation: 'Riverside Youth Voice',
		category: 'Other',
		area: 'Riverside',
		description: 'Young people campaigning on policing.',
		contact: 'Jordan Blake',
		applied: 200,
		then: { withdraw: 188 }
	},
	{
		organisation: 'Coastal Asylum Support',
		category: 'Refugee community organisation',
		area: 'Riverside and the coast',
		description: 'Visits and support for people held in immigration detention.',
		contact: 'Ana Ferreira',
		applied: 110,
		then: { review: 100 }
	}
];

const closure = { on: 92, reviewOn: 30 };

const at = (daysAgo: number, now: number) => ({ now: new Date(now - daysAgo * day) });
const demoDomain = 'members.example';
const emailOf = (name: string) =>
	`${name
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z ]/g, '')
		.trim()
		.replace(/\s+/g, '.')}@${demoDomain}`;

/**
 * The story's decisions are months old and its contacts invented: the emails they queued are
 * dropped, so setting SMTP_URL later never sends them.
 */
export async function forgetDemoMail(db: Database) {
	await db
		.delete(mailOutbox)
		.where(and(isNull(mailOutbox.sentAt), like(mailOutbox.recipient, `%@${demoDomain}`)));
}

async function representative(db: Database, name: string): Promise<SessionUser> {
	const email = emailOf(name);
	const [existing] = await db
		.select({
			id: users.id,
			email: users.email,
			displayName: users.displayName,
			isSiteAdmin: users.isSiteAdmin
		})
		.from(users)
		.where(eq(users.email, email));
	return (
		existing ??
		signUp(db, { email, password: 'demo-member-passphrase', displayName: name }, `demo:${email}`)
	);
}

/**
 * Replays the story in the order things happened, so the log's times rise with its sequence.
 * Steps less than `pauseAt` days ago are left for the returned function, so that the rest of
 * the demo can append its own decisions (minutes) in their place in time.
 */
export async function loadMembershipDemo(
	db: Database,
	officers: { chair: SessionUser; secretary: SessionUser },
	groupSlug = 'harbour',
	pauseAt = 0
): Promise<() => Promise<void>> {
	const now = Date.now();
	const chair = { user: officers.chair };
	const secretary = { user: officers.secretary };
	type Step = { day: number; run: () => Promise<unknown> };
	const steps: Step[] = [];
	const ids = new Map<string, string>();
	const idOf = (s: Story) => ids.get(s.organisation)!;
	for (const s of story) {
		steps.push({
			day: s.applied,
			run: async () => {
				const rep = await representative(db, s.contact);
				const app = await applyForMembership(
					db,
					{ user: rep },
					groupSlug,
					{
						organisation: {
							name: s.organisation,
							category: s.category,
							area: s.area,
							description: s.description
						},
						contact: { name: s.contact, email: rep.email },
						statement: `${s.organisation} works with people affected by Operation Harbour.`
					},
					at(s.applied, now)
				);
				ids.set(s.organisation, app.id);
				ids.set(`${s.organisation}:rep`, rep.id);
			}
		});
		const then = s.then;
		const repOf = async () => ({ user: await representative(db, s.contact) });
		if ('accept' in then) {
			steps.push({
				day: then.accept + 4,
				run: () => startReview(db, secretary, groupSlug, idOf(s), at(then.accept + 4, now))
			});
			steps.push({
				day: then.accept,
				run: () =>
					decideApplication(
						db,
						chair,
						groupSlug,
						idOf(s),
						{ outcome: 'accepted' },
						at(then.accept, now)
					)
			});
		} else if ('refuse' in then) {
			steps.push({
				day: then.refuse,
				run: () =>
					decideApplication(
						db,
						chair,
						groupSlug,
						idOf(s),
						{ outcome: 'refused', reason: then.reason },
						at(then.refuse, now)
					)
			});
			const appeal = then.appeal;
			if (appeal) {
				steps.push({
					day: appeal.on,
					run: async () => {
						// The group has its appeals decided by a panel drawn by lot from its members.
						await setAppealsBy(db, chair, groupSlug, { appealsBy: 'panel' }, at(appeal.on, now));
						return appealRefusal(
							db,
							await repOf(),
							groupSlug,
							idOf(s),
							{
								statement:
									'No legal advice organisation sits on the group; people in custody need one.'
							},
							at(appeal.on, now)
						);
					}
				});
				steps.push({
					day: appeal.decided,
					run: async () => {
						// Two of the three panellists drawn vote to overturn: the majority decides.
						const panel = await appealPanel(db, idOf(s));
						for (const panellist of panel.slice(0, 2)) {
							const [user] = await db
								.select({
									id: users.id,
									email: users.email,
									displayName: users.displayName,
									isSiteAdmin: users.isSiteAdmin
								})
								.from(users)
								.where(eq(users.id, panellist.userId!));
							await castPanelVote(
								db,
								{ user },
								groupSlug,
								idOf(s),
								{ vote: 'overturned', reason: appeal.reason },
								at(appeal.decided, now)
							);
						}
					}
				});
			}
		} else if ('withdraw' in then) {
			steps.push({
				day: then.withdraw,
				run: async () =>
					withdrawApplication(db, await repOf(), groupSlug, idOf(s), at(then.withdraw, now))
			});
		} else {
			steps.push({
				day: then.review,
				run: () => startReview(db, secretary, groupSlug, idOf(s), at(then.review, now))
			});
		}
	}
	steps.push({
		day: closure.on,
		run: () =>
			setMembershipOpen(
				db,
				chair,
				groupSlug,
				{
					open: false,
					reason: 'Pending a review of the terms of reference.',
					reviewOn: new Date(now - closure.reviewOn * day).toISOString().slice(0, 10)
				},
				at(closure.on, now)
			)
	});
	// Oldest first; on the same day, the order written above.
	const ordered = steps.map((s, i) => ({ ...s, i })).sort((a, b) => b.day - a.day || a.i - b.i);
	for (const step of ordered.filter((s) => s.day >= pauseAt)) await step.run();
	return async () => {
		for (const step of ordered.filter((s) => s.day < pauseAt)) await step.run();
	};
}
