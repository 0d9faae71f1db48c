import { getDb } from '$lib/server/db';
import { confirmEmail, peekLink } from '$lib/server/auth/account-links';
import { runFormAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

// Following the link shows a button: mail scanners that open every link confirm nothing.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const link = await peekLink(await getDb(), 'confirm_email', params.token);
	return { email: link?.email ?? null };
};

export const actions: Actions = {
	default: async (event) =>
		runFormAction(event, async () => {
			const user = await confirmEmail(await getDb(), event.params.token);
			return { confirmed: user.email };
		})
};
