import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { peekLink, resetPassword } from '$lib/server/auth/account-links';
import { runFormAction } from '$lib/server/http/form';
import { startSession } from '$lib/server/http/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The token is in the address: never cached, never sent on as a referrer (hooks set the policy).
	setHeaders({ 'cache-control': 'no-store' });
	const link = await peekLink(await getDb(), 'reset_password', params.token);
	return { email: link?.email ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const result = await runFormAction(event, async (values) => {
			const user = await resetPassword(await getDb(), event.params.token, values);
			// Every session of the account ended; this browser starts a fresh one.
			await startSession(event, user.id);
		});
		if (result) return result;
		redirect(303, '/account?reset=1');
	}
};
