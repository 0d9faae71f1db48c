import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { recuseFromPanel } from '$lib/server/membership/appeals';
import { publicApplicationOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** A panellist drawn for the appeal: `{ reason? }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const app = await recuseFromPanel(
		db,
		{ user: event.locals.user },
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json(await publicApplicationOf(db, app));
});
