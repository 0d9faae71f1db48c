import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import {
	followAsAccount,
	followByEmail,
	unfollowAsAccount
} from '$lib/server/notifications/subscribers';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { clientKey } from '$lib/server/http/session';
import type { RequestHandler } from './$types';

/**
 * Follow the group. Signed in → 200 `{ following, emailConfirmed }` (nothing is sent until the
 * account's address is confirmed). Signed out, `{ email }` → 202 whatever the address's state: a
 * link to confirm is sent to an address not yet following (subscribers.ts).
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const actor = actorOf(event);
	if (actor.user) return json(await followAsAccount(db, actor, event.params.group));
	await followByEmail(
		db,
		event.params.group,
		await readJson(event),
		clientKey(event),
		event.locals.locale
	);
	return new Response(null, { status: 202 });
});

/** Stop following (signed in) → 200 `{ following: false }`. */
export const DELETE: RequestHandler = apiHandler(async (event) =>
	json(await unfollowAsAccount(await getDb(), actorOf(event), event.params.group))
);
