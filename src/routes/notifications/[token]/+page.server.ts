import { getDb } from '$lib/server/db';
import { subscriberByToken } from '$lib/server/notifications/subscribers';
import { notificationSettings } from '$lib/server/http/notification-settings';
import { isDomainError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

// The link in every notification email: no sign-in, the token is the authority (links.ts).
const settings = notificationSettings(async (event) =>
	subscriberByToken(await getDb(), event.params.token ?? '')
);

export const load: PageServerLoad = async (event) => {
	try {
		return { ...(await settings.load(event)), valid: true as const };
	} catch (error) {
		if (!isDomainError(error)) throw error;
		return { valid: false as const };
	}
};

export const actions: Actions = {
	choose: settings.actions.choose,
	unfollow: settings.actions.unfollow,
	stopAll: settings.actions.stopAll
};
