import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { resetPassword } from '$lib/server/auth/account-links';
import { apiHandler, readJson } from '$lib/server/http/api';
import { startSession } from '$lib/server/http/session';
import type { RequestHandler } from './$types';

/**
 * Follow a reset link: `{ newPassword }` → 200 and a new session cookie; every other session of
 * the account ends. 404 `link.not_valid` for a link that is unknown, used or expired.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const user = await resetPassword(await getDb(), event.params.token, await readJson(event));
	await startSession(event, user.id);
	return json({ ok: true });
});
