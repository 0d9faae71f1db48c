import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { confirmOptIn } from '$lib/server/notifications/subscribers';
import { settingsUrl } from '$lib/server/notifications/links';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/**
 * Follow an opt-in link → 200 `{ email, settings }`: the address now receives what it chose from
 * the groups it asked to follow; `settings` is its settings page (no sign-in). 404 if the link is
 * unknown, used or expired.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const subscriber = await confirmOptIn(await getDb(), event.params.token);
	return json({ email: subscriber.email, settings: settingsUrl(subscriber.id) });
});
