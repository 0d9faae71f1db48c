import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { sendApologies } from '$lib/server/meetings/attendance';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** A member organisation's representative, before the meeting: `{ membershipId? }`. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const organisation = await sendApologies(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json(
		{ membershipId: organisation.id, organisation: organisation.organisationName },
		{ status: 201 }
	);
});
