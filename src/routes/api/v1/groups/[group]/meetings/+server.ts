import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import {
	apiHandler,
	decodeCursor,
	limitOf,
	page,
	publicRead,
	readJson
} from '$lib/server/http/api';
import { createMeeting, listMeetingsAfter, publicMeeting } from '$lib/server/meetings/meetings';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** The group's public meetings in number order: `{ items, next }` (JSON) or CSV. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const limit = limitOf(event);
	const after = Number(decodeCursor(event.url.searchParams.get('cursor')));
	const rows = await listMeetingsAfter(
		db,
		group,
		Number.isSafeInteger(after) && after > 0 ? after : undefined,
		limit
	);
	const body = page(
		event,
		rows.map((m) => publicMeeting(m, group)),
		limit,
		(m) => String(m.number)
	);
	return publicRead(event, body, body.items);
});

/** Secretary or chair: `{ title, startsAt, endsAt, location?, onlineUrl? }` → 201, a draft. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const meeting = await createMeeting(
		db,
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	const group = await getGroup(db, event.params.group);
	return json(publicMeeting(meeting, group), {
		status: 201,
		headers: { location: `/api/v1/groups/${group.slug}/meetings/${meeting.number}` }
	});
});
