import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler } from '$lib/server/http/api';
import { startReview } from '$lib/server/membership/review';
import { publicApplicationOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** Chair or secretary: takes a submitted application under review. `{}`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const app = await startReview(
		db,
		{ user: event.locals.user },
		event.params.group,
		event.params.id
	);
	return json(await publicApplicationOf(db, app));
});
