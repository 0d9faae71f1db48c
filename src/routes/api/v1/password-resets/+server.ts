import { getDb } from '$lib/server/db';
import { requestPasswordReset } from '$lib/server/auth/account-links';
import { apiHandler, readJson } from '$lib/server/http/api';
import { clientKey } from '$lib/server/http/session';
import type { RequestHandler } from './$types';

/**
 * Ask for a reset link: `{ email }` → 202, whether or not an account uses the address (the link
 * goes to the address alone).
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	await requestPasswordReset(
		await getDb(),
		await readJson(event),
		clientKey(event),
		event.locals.locale
	);
	return new Response(null, { status: 202 });
});
