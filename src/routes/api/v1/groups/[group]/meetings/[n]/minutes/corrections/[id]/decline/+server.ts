import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { declineCorrection, publicCorrection } from '$lib/server/minutes/corrections';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Secretary or chair: `{ reason }` declines a correction; it stays as a recorded dissent. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const correction = await declineCorrection(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		event.params.id,
		await readJson(event)
	);
	return json(publicCorrection(correction));
});
