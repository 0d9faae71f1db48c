import { eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { follows, groups, notices, subscribers } from '../db/schema';
import { choose, followAsAccount, subscriberOfUser } from '../notifications/subscribers';
import { demoRepresentatives } from './representatives';
import { representative } from './people';

/**
 * Who follows the demo group: a representative by account (taking minutes in a weekly digest),
 * and three neighbours by address alone, one reading Arabic and one French, their opt-in links
 * already followed.
 * The addresses are at example domains: nothing sent to them reaches anyone.
 */
export const demoFollowers = {
	account: demoRepresentatives.second,
	addresses: [
		{ email: 'neighbour@residents.example', locale: 'en' },
		{ email: 'jar@residents.example', locale: 'ar' },
		{ email: 'voisine@residents.example', locale: 'fr' }
	]
} as const;

export async function loadFollowersDemo(db: Database, groupSlug: string) {
	const [group] = await db.select().from(groups).where(eq(groups.slug, groupSlug));
	const reader = await representative(db, demoFollowers.account);
	await followAsAccount(db, { user: reader }, groupSlug);
	await choose(db, await subscriberOfUser(db, reader.id), { minutes: 'digest' });
	const now = new Date();
	for (const { email, locale } of demoFollowers.addresses) {
		const [subscriber] = await db
			.insert(subscribers)
			.values({ email, locale, confirmedAt: now })
			.returning();
		await db
			.insert(follows)
			.values({ subscriberId: subscriber.id, groupId: group.id, confirmedAt: now });
	}
	// The story happened months ago: its meetings, minutes and promises are not news to tell.
	await db.delete(notices).where(isNull(notices.doneAt));
}
