import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { moveAgendaItem } from '$lib/server/meetings/agenda';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Secretary or chair: `{ direction: "up" | "down" }` swaps the item with its neighbour. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const { group, n, item } = event.params;
	await moveAgendaItem(await getDb(), actorOf(event), group, n, item, await readJson(event));
	return new Response(null, { status: 204 });
});
