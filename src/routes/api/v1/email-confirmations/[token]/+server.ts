import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { confirmEmail } from '$lib/server/auth/account-links';
import { apiHandler } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** Follow a confirmation link → 200 `{ email }`, the account's address now confirmed. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const user = await confirmEmail(await getDb(), event.params.token);
	return json({ email: user.email });
});
