import { redirect } from '@sveltejs/kit';
import { runFormAction } from '$lib/server/http/form';
import { signIn } from '$lib/server/http/session';
import { safeRedirectTarget } from '$lib/server/http/redirect-target';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async (event) => {
		const result = await runFormAction(event, async (values) => {
			await signIn(event, values);
		});
		if (result) return result;
		redirect(303, safeRedirectTarget(event.url.searchParams.get('redirectTo')));
	}
};
