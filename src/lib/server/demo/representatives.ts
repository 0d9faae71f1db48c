import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { memberships } from '../db/schema';
import { acceptInvitation, inviteRepresentative } from '../membership/invitations';
import { emailOf, representative, representativeOf } from './people';

const day = 86_400_000;

/** The organisation in the story that two people act for, and who was asked to join them. */
export const demoRepresentatives = {
	organisation: 'Refugee Women’s Network',
	second: 'Fatima Rahimi',
	invited: 'Amal Osman'
};

/**
 * An organisation is its people, not one account: the Refugee Women's Network's first
 * representative invited a second, who accepted, and has just invited a third (still pending).
 */
export async function loadRepresentativesDemo(db: Database, groupSlug: string) {
	const now = Date.now();
	const [member] = await db
		.select({ id: memberships.id, applicationId: memberships.applicationId })
		.from(memberships)
		.where(eq(memberships.organisationName, demoRepresentatives.organisation));
	const first = { user: await representativeOf(db, member.id) };
	const second = await representative(db, demoRepresentatives.second);
	const { token } = await inviteRepresentative(
		db,
		first,
		groupSlug,
		member.applicationId,
		{ email: second.email },
		{ now: new Date(now - 300 * day) }
	);
	await acceptInvitation(db, { user: second }, { token }, { now: new Date(now - 299 * day) });
	await inviteRepresentative(
		db,
		first,
		groupSlug,
		member.applicationId,
		{ email: emailOf(demoRepresentatives.invited) },
		{ now: new Date(now - 2 * day) }
	);
}
