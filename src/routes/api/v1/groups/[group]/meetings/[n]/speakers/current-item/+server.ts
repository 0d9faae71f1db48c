import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { findMeeting } from '$lib/server/meetings/access';
import { setCurrentItem } from '$lib/server/speakers/chair';
import { speakersOf } from '$lib/server/speakers/read';
import type { RequestHandler } from './$types';

/**
 * Chair or secretary, while live: `{ agendaItemId }` (null: none) sets the agenda item under
 * discussion; its timer starts now and any current turn ends → `{ speakers }`.
 */
export const PUT: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const actor = actorOf(event);
	const { group, n } = event.params;
	await setCurrentItem(db, actor, group, n, await readJson(event));
	const { meeting } = await findMeeting(db, actor, group, n);
	return json({ speakers: await speakersOf(db, meeting.id) });
});
