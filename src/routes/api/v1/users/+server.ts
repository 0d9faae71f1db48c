import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { signUp } from '$lib/server/auth/accounts';
import { apiHandler, readJson } from '$lib/server/http/api';
import { clientKey, startSession } from '$lib/server/http/session';
import type { RequestHandler } from './$types';

/** Sign up and sign in: `{ email, password, displayName }` → 201 `{ user }` and the session cookie. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const user = await signUp(await getDb(), await readJson(event), clientKey(event));
	await startSession(event, user.id);
	return json({ user: { email: user.email, displayName: user.displayName } }, { status: 201 });
});
