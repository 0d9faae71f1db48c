import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { actorOf } from '$lib/server/http/actor';
import { askToSpeak } from '$lib/server/speakers/requests';
import { listSpeakers, speakersOf, speakingRecord } from '$lib/server/speakers/read';
import type { RequestHandler } from './$types';

/**
 * The meeting's speakers' list (public): `{ items, next: null, currentItem, turnSeconds, record }`
 * (`record`: who spoke per agenda item, totals per organisation), or CSV (one row per request).
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const { meeting, speakers } = await listSpeakers(
		db,
		actorOf(event),
		event.params.group,
		event.params.n
	);
	const body = {
		items: speakers.list,
		next: null,
		currentItem: speakers.currentItem,
		turnSeconds: speakers.turnSeconds,
		record: await speakingRecord(db, meeting.id)
	};
	const response = publicRead(event, body, speakers.list);
	if (meeting.state === 'draft') response.headers.set('cache-control', 'private, no-store');
	return response;
});

/**
 * Signed in, while the meeting is live: `{ shownAs?: "name" | "organisation" | "attendee",
 * membershipId? }` asks to speak on the current agenda item → 201 `{ requestId, speakers }`.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const { group, n } = event.params;
	const request = await askToSpeak(db, actorOf(event), group, n, await readJson(event));
	return json(
		{ requestId: request.id, speakers: await speakersOf(db, request.meetingId) },
		{ status: 201 }
	);
});
