import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { setRecording } from '$lib/server/meetings/meetings';
import { meetingRecord, publicRecord } from '$lib/server/meetings/record';
import type { RequestHandler } from './$types';

/**
 * Secretary or chair: `{ recordingUrl }` (empty or null removes it) → the meeting, before or
 * after it is held (a held meeting's other details are fixed).
 */
export const PUT: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const actor = actorOf(event);
	const { group, n } = event.params;
	await setRecording(db, actor, group, n, await readJson(event));
	return json(publicRecord(await meetingRecord(db, actor, group, n)));
});
