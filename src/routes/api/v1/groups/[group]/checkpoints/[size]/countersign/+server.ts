import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { countersignCheckpoint } from '$lib/server/decision-log/checkpoints';
import type { RequestHandler } from './$types';

/** A member organisation's representative: `{ membershipId? }` → the checkpoint, countersigned. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const checkpoint = await countersignCheckpoint(
		await getDb(),
		{ user: event.locals.user },
		event.params.group,
		event.params.size,
		await readJson(event)
	);
	return json(checkpoint, { status: 201 });
});
