import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { changeMeetingState, updateMeeting } from '$lib/server/meetings/meetings';
import { meetingRecord, publicRecord } from '$lib/server/meetings/record';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/**
 * One meeting with its agenda, proposals and attendance. The CSV has one row per agenda item and
 * per organisation's attendance, told apart by `section`.
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const actor = actorOf(event);
	const record = publicRecord(
		await meetingRecord(await getDb(), actor, event.params.group, event.params.n)
	);
	const rows = [
		...record.agenda.map((item) => ({
			section: 'agenda',
			meeting: record.number,
			...item,
			documents: item.documents.map((d) => d.url)
		})),
		...record.attendance.map((a) => ({ section: 'attendance', meeting: record.number, ...a }))
	];
	const response = publicRead(event, record, rows);
	// A draft is visible only to its officers: keep it out of shared caches.
	if (record.state === 'draft') response.headers.set('cache-control', 'private, no-store');
	return response;
});

const stateFields = new Set(['state', 'cancelNote', 'joinCode']);

/**
 * Secretary or chair: change details (`title`, `startsAt`, `endsAt`, `location`, `onlineUrl`)
 * and/or move the state (`state`, with `cancelNote` to cancel) — all of it or none.
 */
export const PATCH: RequestHandler = apiHandler(async (event) => {
	const body = await readJson(event);
	const actor = actorOf(event);
	const { group, n } = event.params;
	const details = Object.fromEntries(Object.entries(body).filter(([k]) => !stateFields.has(k)));
	const db = await getDb();
	await db.transaction(async (tx) => {
		if (Object.keys(details).length || !('state' in body)) {
			await updateMeeting(tx, actor, group, n, details);
		}
		if ('state' in body) {
			const { state, cancelNote, joinCode } = body;
			await changeMeetingState(tx, actor, group, n, { state, cancelNote, joinCode });
		}
	});
	return json(publicRecord(await meetingRecord(db, actor, group, n)));
});
