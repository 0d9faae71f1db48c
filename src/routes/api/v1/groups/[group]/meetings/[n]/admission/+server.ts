import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { liveContext } from '$lib/server/questions/live';
import { admitBrowser, participantOf } from '$lib/server/http/live';
import type { RequestHandler } from './$types';

/** An attendee enters the room code: `{ code }` → `{ admitted: true }` and the `rooms` cookie. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const participant = await participantOf(event, db);
	const context = await liveContext(db, participant, event.params.group, event.params.n);
	await admitBrowser(event, db, participant, context, await readJson(event));
	return json({ admitted: true });
});
