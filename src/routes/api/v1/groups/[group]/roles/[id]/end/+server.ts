import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { endAppointment } from '$lib/server/groups/officers';
import { actorOf } from '$lib/server/http/actor';
import { apiHandler, readJson } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/**
 * Ends an appointment: `{ reason? }`. The officer resigns (reason optional); the chair removes a
 * vice-chair or secretary, the site admin anyone, with a public reason.
 */
export const POST: RequestHandler = apiHandler(async (event) => {
	const ended = await endAppointment(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json({
		id: ended.id,
		role: ended.role,
		endedAt: ended.endedAt?.toISOString() ?? null,
		endedHow: ended.endedHow,
		endReason: ended.endReason
	});
});
