import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, readJson } from '$lib/server/http/api';
import { setSpeakingTurn } from '$lib/server/speakers/settings';
import type { RequestHandler } from './$types';

/** Chair: `{ seconds }` (10–3600), the default length of a speaking turn asked for from now on. */
export const PUT: RequestHandler = apiHandler(async (event) => {
	const group = await setSpeakingTurn(
		await getDb(),
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	return json({ seconds: group.speakingTurnSeconds });
});
