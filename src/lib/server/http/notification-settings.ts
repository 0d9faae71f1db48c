import type { RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import type { Subscriber } from '../db/schema';
import { choose, settingsOf, unfollowGroup, unsubscribe } from '../notifications/subscribers';
import { runFormAction } from './form';

/**
 * The settings page's load and actions, the same whether the person is signed in
 * (/account/notifications) or came by an email's link (/notifications/[token]): `subscriberOf`
 * says whose settings they are, and refuses anyone else.
 */
export function notificationSettings(subscriberOf: (event: RequestEvent) => Promise<Subscriber>) {
	return {
		load: async (event: RequestEvent) => {
			event.setHeaders({ 'cache-control': 'no-store' });
			return { settings: await settingsOf(await getDb(), await subscriberOf(event)) };
		},
		actions: {
			choose: (event: RequestEvent) =>
				runFormAction(event, async (values) => {
					await choose(await getDb(), await subscriberOf(event), values);
					return { done: 'choose' as const };
				}),
			unfollow: (event: RequestEvent) =>
				runFormAction(event, async (values) => {
					await unfollowGroup(await getDb(), await subscriberOf(event), values.group ?? '');
					return { done: 'unfollow' as const, group: values.groupName ?? '' };
				}),
			stopAll: (event: RequestEvent) =>
				runFormAction(event, async () => {
					await unsubscribe(await getDb(), await subscriberOf(event), 'all');
					return { done: 'stopAll' as const };
				})
		}
	};
}
