import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, readJson } from '$lib/server/http/api';
import { countersignCheckpoint } from '$lib/server/decision-log/checkpoints';
import type { RequestHandler } from './$types';

/** A member organisation's representative: `{ membershipId? }` → the checkpoint, countersigned. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const checkpoint = await countersignCheckpoint(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.size,
		await readJson(event)
	);
	return json(checkpoint, { status: 201 });
});
