import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { publishMinutes } from '$lib/server/minutes/publish';
import { publicVersion } from '$lib/server/minutes/versions';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/**
 * Secretary or chair: publishes the saved draft as the next version → 201. An amendment needs
 * `{ changeNote }` and may accept pending corrections: `{ acceptCorrections: [id, …] }`.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const version = await publishMinutes(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json(publicVersion(version), { status: 201 });
});
