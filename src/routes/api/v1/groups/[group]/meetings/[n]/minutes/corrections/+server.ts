import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import { minutesContext } from '$lib/server/minutes/access';
import {
	listCorrections,
	publicCorrection,
	submitCorrection
} from '$lib/server/minutes/corrections';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Every correction submitted against the minutes, with its outcome (JSON or CSV). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const context = await minutesContext(db, { user: null }, event.params.group, event.params.n);
	const items = (await listCorrections(db, context.meeting.id)).map(publicCorrection);
	return publicRead(event, { items, next: null }, items);
});

/** A member representative, named attendee or officer: `{ text, membershipId? }` → 201. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const correction = await submitCorrection(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json(publicCorrection(correction), { status: 201 });
});
