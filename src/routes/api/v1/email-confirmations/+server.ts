import { getDb } from '$lib/server/db';
import { resendConfirmation } from '$lib/server/auth/account-links';
import { apiHandler } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import type { RequestHandler } from './$types';

/** Send the signed-in account's confirmation link again → 202 (401 signed out, 409 confirmed). */
export const POST: RequestHandler = apiHandler(async (event) => {
	await resendConfirmation(await getDb(), actorOf(event));
	return new Response(null, { status: 202 });
});
