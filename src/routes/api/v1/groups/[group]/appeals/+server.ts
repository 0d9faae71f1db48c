import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, readJson } from '$lib/server/http/api';
import { setAppealsBy } from '$lib/server/membership/appeals';
import type { RequestHandler } from './$types';

/** Chair: `{ appealsBy: "vice_chair" | "panel" }`, for appeals lodged from now on (logged). */
export const POST: RequestHandler = apiHandler(async (event) => {
	const group = await setAppealsBy(
		await getDb(),
		actorOf(event),
		event.params.group,
		await readJson(event)
	);
	return json({ appealsBy: group.appealsBy });
});
