import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { decideApplication } from '$lib/server/membership/review';
import { publicApplicationOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** Chair: `{ outcome: "accepted" | "refused", reason }` (a refusal's reason is required). */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const app = await decideApplication(
		db,
		{ user: event.locals.user },
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json(await publicApplicationOf(db, app));
});
