import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, decodeCursor, limitOf, page, publicRead } from '$lib/server/http/api';
import { keyOf, listGroupActions, withoutCursor } from '$lib/server/ledger/open-data';
import type { RequestHandler } from './$types';

/** Every action (commitment) made at the group's public meetings: `{ items, next }` or CSV. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const limit = limitOf(event);
	const rows = await listGroupActions(db, group, {
		cursor: decodeCursor(event.url.searchParams.get('cursor')),
		limit
	});
	const paged = page(event, rows, limit, keyOf);
	const body = { items: paged.items.map(withoutCursor), next: paged.next };
	return publicRead(event, body, body.items);
});
