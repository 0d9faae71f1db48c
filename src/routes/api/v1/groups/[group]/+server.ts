import { getDb } from '$lib/server/db';
import { getGroup, publicGroup } from '$lib/server/groups/groups';
import { listOfficers } from '$lib/server/groups/officers';
import { apiHandler, publicRead } from '$lib/server/http/api';
import type { RequestHandler } from './$types';

/** One group with its current officers. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const officers = (await listOfficers(db, group.id, { currentOnly: true })).map((o) => ({
		role: o.role,
		displayName: o.displayName,
		appointedAt: o.appointedAt.toISOString()
	}));
	const body = { ...publicGroup(group), officers };
	return publicRead(event, body, [publicGroup(group)]);
});
