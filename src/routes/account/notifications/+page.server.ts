import { getDb } from '$lib/server/db';
import { signedInActor } from '$lib/server/http/actor';
import { subscriberOfUser } from '$lib/server/notifications/subscribers';
import { notificationSettings } from '$lib/server/http/notification-settings';
import type { Actions, PageServerLoad } from './$types';

const settings = notificationSettings(async (event) =>
	subscriberOfUser(await getDb(), signedInActor(event).user.id)
);

export const load: PageServerLoad = async (event) => ({
	...(await settings.load(event)),
	valid: true as const
});

export const actions: Actions = {
	choose: settings.actions.choose,
	unfollow: settings.actions.unfollow,
	stopAll: settings.actions.stopAll
};
