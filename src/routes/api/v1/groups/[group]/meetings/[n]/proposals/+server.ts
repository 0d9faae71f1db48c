import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { proposeAgendaItem } from '$lib/server/meetings/proposals';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** A member organisation's representative: `{ title, why, membershipId? }` → 201. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const proposal = await proposeAgendaItem(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json(
		{ id: proposal.id, title: proposal.title, why: proposal.why, status: proposal.status },
		{ status: 201 }
	);
});
