import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { signUp } from '$lib/server/auth/accounts';
import { runFormAction } from '$lib/server/http/form';
import { clientKey, startSession } from '$lib/server/http/session';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async (event) => {
		const result = await runFormAction(event, async (values) => {
			const user = await signUp(await getDb(), values, clientKey(event), {
				locale: event.locals.locale
			});
			await startSession(event, user.id);
		});
		if (result) return result;
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
