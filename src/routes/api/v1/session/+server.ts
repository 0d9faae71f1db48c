import { json } from '@sveltejs/kit';
import { apiHandler, readJson } from '$lib/server/http/api';
import { endSession, signIn } from '$lib/server/http/session';
import type { RequestHandler } from './$types';

const describe = (user: App.Locals['user']) =>
	user
		? {
				email: user.email,
				displayName: user.displayName,
				isSiteAdmin: user.isSiteAdmin,
				emailConfirmed: user.emailConfirmed
			}
		: null;

/** Who the session cookie belongs to: `{ user }` (null when signed out). */
export const GET: RequestHandler = ({ locals }) =>
	json({ user: describe(locals.user) }, { headers: { 'cache-control': 'no-store' } });

/** Sign in: `{ email, password }` → `{ user }` and the session cookie. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const user = await signIn(event, await readJson(event));
	return json({ user: describe(user) });
});

/** Sign out: ends this session. */
export const DELETE: RequestHandler = apiHandler(async (event) => {
	await endSession(event);
	return new Response(null, { status: 204 });
});
