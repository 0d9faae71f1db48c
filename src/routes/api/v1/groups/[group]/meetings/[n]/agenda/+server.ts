import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { addAgendaItem } from '$lib/server/meetings/agenda';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Secretary or chair: `{ title, description?, presenter?, plannedMinutes }` → 201, at the end. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const item = await addAgendaItem(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json(
		{
			id: item.id,
			title: item.title,
			description: item.description,
			presenter: item.presenter,
			plannedMinutes: item.plannedMinutes
		},
		{ status: 201 }
	);
});
