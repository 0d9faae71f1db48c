import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { setParticipation } from '$lib/server/questions/admission';
import { liveContext } from '$lib/server/questions/live';
import { participantOf } from '$lib/server/http/live';
import type { RequestHandler } from './$types';

/** Officers set who may take part: `{ participation }` → `{ participation }` (logged). */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const officer = await participantOf(event, db);
	const context = await liveContext(db, officer, event.params.group, event.params.n);
	return json(await setParticipation(db, officer, context, await readJson(event)));
});
