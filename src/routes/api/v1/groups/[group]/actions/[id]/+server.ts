import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getCommitment, updateCommitmentStatus } from '$lib/server/commitments/commitments';
import { apiHandler, publicRead, readJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** One action, as in the list. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const action = await getCommitment(await getDb(), event.params.group, event.params.id);
	return publicRead(event, action, [action]);
});

/** Secretary or chair: `{ status: "done" | "dropped" | "open", note? }` (dropping needs a note). */
export const PATCH: RequestHandler = apiHandler(async (event) => {
	const action = await updateCommitmentStatus(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json(action);
});
