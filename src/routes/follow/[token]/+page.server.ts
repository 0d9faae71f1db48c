import { getDb } from '$lib/server/db';
import { confirmOptIn, peekOptIn } from '$lib/server/notifications/subscribers';
import { settingsToken } from '$lib/server/notifications/links';
import { runFormAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';

// Following the link shows a button: mail scanners that open every link confirm nothing.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return { email: await peekOptIn(await getDb(), params.token) };
};

export const actions: Actions = {
	default: async (event) =>
		runFormAction(event, async () => {
			const subscriber = await confirmOptIn(await getDb(), event.params.token);
			return { confirmed: subscriber.email, settings: settingsToken(subscriber.id) };
		})
};
