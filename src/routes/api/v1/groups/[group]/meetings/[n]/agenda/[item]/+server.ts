import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { removeAgendaItem, updateAgendaItem } from '$lib/server/meetings/agenda';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Secretary or chair: change any of `title`, `description`, `presenter`, `plannedMinutes`. */
export const PATCH: RequestHandler = apiHandler(async (event) => {
	const { group, n, item } = event.params;
	const updated = await updateAgendaItem(
		await getDb(),
		actorOf(event),
		group,
		n,
		item,
		await readJson(event)
	);
	return json({
		id: updated.id,
		title: updated.title,
		description: updated.description,
		presenter: updated.presenter,
		plannedMinutes: updated.plannedMinutes
	});
});

export const DELETE: RequestHandler = apiHandler(async (event) => {
	const { group, n, item } = event.params;
	await removeAgendaItem(await getDb(), actorOf(event), group, n, item);
	return new Response(null, { status: 204 });
});
