import { getDb } from '$lib/server/db';
import { submitCorrection } from '$lib/server/minutes/corrections';
import { minutesPage } from '$lib/server/minutes/page';
import { orPageError } from '$lib/server/http/page';
import { sharedWithAll } from '$lib/server/public-cache/shared-data';
import { signedInAction } from '$lib/server/http/form';
import type { Actions, PageServerLoad } from './$types';
import { actorOf } from '$lib/server/http/actor';
import { immutableCacheControl } from '$lib/server/http/conditional';

// A public reading page: plain HTML; the correction form is a plain post.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	const page = await orPageError(
		event,
		minutesPage(
			db,
			actorOf(event),
			event.params.group,
			event.params.n,
			event.url.searchParams,
			event.locals.t,
			sharedWithAll
		)
	);
	// One version as published never changes, nor does the first checkpoint signed after it:
	// once that is there, caches may keep the page unasked. An answer for one person (signed in,
	// a participant) is made `private, no-store` by the public cache's hook.
	if (page.fixed && page.checkpoint) {
		event.setHeaders({ 'cache-control': immutableCacheControl, vary: 'Accept-Language, Cookie' });
	}
	return page;
};

export const actions: Actions = {
	correct: (event) =>
		signedInAction(event, async (db, values, actor) => {
			await submitCorrection(db, actor, event.params.group, event.params.n, values);
			return { done: 'corrections.submitted' as const };
		})
};
