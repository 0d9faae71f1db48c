import { getDb } from '$lib/server/db';
import { subscriberByToken, unsubscribe } from '$lib/server/notifications/subscribers';
import { settingsToken } from '$lib/server/notifications/links';
import { runFormAction } from '$lib/server/http/form';
import { topics } from '$lib/schemas/notifications';
import { isDomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** What the address names: one topic, or the weekly digest; anything else is not a link of ours. */
function topicOf(url: URL) {
	const topic = url.searchParams.get('topic') ?? '';
	return (topics as readonly string[]).includes(topic) || topic === 'digest' ? topic : null;
}

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const topic = topicOf(url);
	try {
		const subscriber = await subscriberByToken(await getDb(), params.token);
		return topic ? { topic, settings: settingsToken(subscriber.id) } : { topic: null };
	} catch (error) {
		if (!isDomainError(error)) throw error;
		return { topic: null };
	}
};

/**
 * The page's button, and RFC 8058's one-click POST from the recipient's mail provider (a form
 * with `List-Unsubscribe=One-Click`, no cookie, no Origin: http/origin.ts lets this path through,
 * the token being its authority). It only ever turns something off.
 */
export const actions: Actions = {
	default: async (event) =>
		runFormAction(event, async () => {
			const db = await getDb();
			const subscriber = await subscriberByToken(db, event.params.token);
			await unsubscribe(db, subscriber, topicOf(event.url) ?? '');
			return { done: true as const };
		})
};
