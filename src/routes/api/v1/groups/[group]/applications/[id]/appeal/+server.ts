import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { appealRefusal } from '$lib/server/membership/apply';
import { publicApplicationOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** The applicant, once, after a refusal: `{ statement }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const app = await appealRefusal(
		db,
		{ user: event.locals.user },
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json(await publicApplicationOf(db, app));
});
