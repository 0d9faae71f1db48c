import { getDb } from '$lib/server/db';
import {
	subscriberByToken,
	unsubscribeByLink,
	unsubscribeTopic
} from '$lib/server/notifications/subscribers';
import { settingsToken } from '$lib/server/notifications/links';
import { runFormAction } from '$lib/server/http/form';
import { isDomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const topic = unsubscribeTopic(url.searchParams.get('topic'));
	try {
		const subscriber = await subscriberByToken(await getDb(), params.token);
		return topic ? { topic, settings: settingsToken(subscriber.id) } : { topic: null };
	} catch (error) {
		if (!isDomainError(error)) throw error;
		return { topic: null };
	}
};

/** The page's button (a browser: the mail provider's one-click POST goes to +server.ts). */
export const actions: Actions = {
	default: async (event) =>
		runFormAction(event, async () => {
			await unsubscribeByLink(
				await getDb(),
				event.params.token,
				event.url.searchParams.get('topic')
			);
			return { done: true as const };
		})
};
