import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler } from '$lib/server/http/api';
import { withdrawApplication } from '$lib/server/membership/apply';
import { publicApplicationOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** The applicant, before a decision: `{}`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const app = await withdrawApplication(
		db,
		{ user: event.locals.user },
		event.params.group,
		event.params.id
	);
	return json(await publicApplicationOf(db, app));
});
