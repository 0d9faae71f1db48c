import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { listMemberships, publicMembership } from '$lib/server/membership/memberships';
import type { RequestHandler } from './$types';

/** Memberships past and present, oldest first; `?current=true` for current members only. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const currentOnly = event.url.searchParams.get('current') === 'true';
	const items = (await listMemberships(db, group.id))
		.filter((m) => !currentOnly || !m.endedAt)
		.map(publicMembership);
	return publicRead(event, { items, next: null }, items);
});
