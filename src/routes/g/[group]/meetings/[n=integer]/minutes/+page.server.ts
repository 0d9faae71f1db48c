import { getDb } from '$lib/server/db';
import { submitCorrection } from '$lib/server/minutes/corrections';
import { minutesPage } from '$lib/server/minutes/page';
import { meetingAction, orPageError } from '$lib/server/meetings/web';
import type { Actions, PageServerLoad } from './$types';

// A public reading page: plain HTML; the correction form is a plain post.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const db = await getDb();
	return orPageError(
		event,
		minutesPage(
			db,
			{ user: event.locals.user },
			event.params.group,
			event.params.n,
			event.url.searchParams,
			event.locals.t
		)
	);
};

export const actions: Actions = {
	correct: (event) =>
		meetingAction(event, async (db, values, actor) => {
			await submitCorrection(db, actor, event.params.group, event.params.n, values);
			return { done: 'corrections.submitted' as const };
		})
};
