import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import {
	followAsAccount,
	followByEmail,
	isFollowing,
	unfollowAsAccount
} from '$lib/server/notifications/subscribers';
import { runFormAction, signedInAction } from '$lib/server/http/form';
import { clientKey } from '$lib/server/http/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDb();
	const group = await getGroup(db, params.group);
	return {
		signedIn: locals.user !== null,
		emailConfirmed: locals.user?.emailConfirmed ?? false,
		following: locals.user ? await isFollowing(db, locals.user.id, group.id) : false
	};
};

export const actions: Actions = {
	follow: (event) =>
		signedInAction(event, async (db, _values, actor) => {
			await followAsAccount(db, actor, event.params.group);
			return { done: 'follow' as const };
		}),
	unfollow: (event) =>
		signedInAction(event, async (db, _values, actor) => {
			await unfollowAsAccount(db, actor, event.params.group);
			return { done: 'unfollow' as const };
		}),
	// The same answer whatever the address's state (subscribers.ts).
	email: async (event) =>
		(await runFormAction(event, async (values) => {
			await followByEmail(
				await getDb(),
				event.params.group,
				values,
				clientKey(event),
				event.locals.locale
			);
		})) ?? { done: 'email' as const }
};
