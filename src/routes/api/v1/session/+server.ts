import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { logIn } from '$lib/server/auth/accounts';
import { apiHandler, readJson } from '$lib/server/http/api';
import { clientKey, endSession, startSession } from '$lib/server/http/session';
import type { RequestHandler } from './$types';

const describe = (user: App.Locals['user']) =>
	user ? { email: user.email, displayName: user.displayName, isSiteAdmin: user.isSiteAdmin } : null;

/** Who the session cookie belongs to: `{ user }` (null when signed out). */
export const GET: RequestHandler = ({ locals }) =>
	json({ user: describe(locals.user) }, { headers: { 'cache-control': 'no-store' } });

/** Sign in: `{ email, password }` → `{ user }` and the session cookie. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const user = await logIn(await getDb(), await readJson(event), clientKey(event));
	await startSession(event, user.id);
	return json({ user: describe(user) });
});

/** Sign out: ends this session. */
export const DELETE: RequestHandler = apiHandler(async (event) => {
	await endSession(event);
	return new Response(null, { status: 204 });
});
