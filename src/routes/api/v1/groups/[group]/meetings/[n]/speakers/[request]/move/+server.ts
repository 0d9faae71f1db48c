import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { moveSpeaker } from '$lib/server/speakers/chair';
import { speakersOf } from '$lib/server/speakers/read';
import type { RequestHandler } from './$types';

/** Chair or secretary: moves this waiting request to `{ position }` (1: next) in its item's list → `{ speakers }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const { group, n, request } = event.params;
	const body = { ...((await readJson(event)) as object), requestId: request };
	const changed = await moveSpeaker(db, actorOf(event), group, n, body);
	return json({ speakers: await speakersOf(db, changed.meetingId) });
});
