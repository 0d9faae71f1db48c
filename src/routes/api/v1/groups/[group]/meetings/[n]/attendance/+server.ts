import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { apiHandler, readJson } from '$lib/server/http/api';
import { recordAttendance } from '$lib/server/meetings/attendance';
import type { RequestHandler } from './$types';
import { actorOf } from '$lib/server/http/actor';

/**
 * Secretary or chair: `{ entries: [{ membershipId, status }], otherAttendees? }` with status
 * `present`, `apologies` or `absent`. Organisations not named keep what was recorded.
 */
export const PUT: RequestHandler = apiHandler(async (event) => {
	const rows = await recordAttendance(
		await getDb(),
		actorOf(event),
		event.params.group,
		event.params.n,
		await readJson(event)
	);
	return json({
		items: rows.map((r) => ({
			membershipId: r.membershipId,
			organisation: r.organisationName,
			status: r.status,
			apologiesSentBeforehand: r.sentByRepresentative
		}))
	});
});
