import { getDb } from '$lib/server/db';
import { liveNow } from '$lib/server/meetings/live-now';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	user: locals.user
		? {
				displayName: locals.user.displayName,
				isSiteAdmin: locals.user.isSiteAdmin,
				emailConfirmed: locals.user.emailConfirmed
			}
		: null,
	/** Whether any meeting is live on the instance: the header then offers /join (cached read). */
	anyLive: await liveNow(await getDb()).then(
		(live) => live.length > 0,
		// A hint in the header: its failure must not take the page (or its error page) down.
		() => false
	)
});
