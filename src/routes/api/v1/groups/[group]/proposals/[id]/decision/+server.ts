import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { decideProposal } from '$lib/server/meetings/proposals';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** Chair: `{ outcome: "accepted" | "declined", reason?, meeting? }`; declining needs a reason. */
export const POST: RequestHandler = apiHandler(async (event) => {
	const decided = await decideProposal(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json({
		id: decided.id,
		status: decided.status,
		reason: decided.reason,
		agendaItemId: decided.agendaItemId,
		decidedAt: decided.decidedAt?.toISOString() ?? null
	});
});
