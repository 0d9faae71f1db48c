import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { endMembership } from '$lib/server/membership/memberships';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/** The representative resigns (`{ reason? }`), or the chair ends it (`{ reason }`, required). */
export const POST: RequestHandler = apiHandler(async (event) => {
	const ended = await endMembership(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.id,
		await readJson(event)
	);
	return json({
		id: ended.id,
		endedAt: ended.endedAt?.toISOString() ?? null,
		endedBy: ended.endedBy,
		endReason: ended.endReason
	});
});
