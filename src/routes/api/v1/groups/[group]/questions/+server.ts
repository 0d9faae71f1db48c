import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, decodeCursor, limitOf, page, publicRead } from '$lib/server/http/api';
import { keyOf, listGroupQuestions, withoutCursor } from '$lib/server/ledger/open-data';
import type { RequestHandler } from './$types';

/**
 * Every public question of the group's meetings (the fields of the meeting's own list, plus
 * `meetingNumber`): `{ items, next }` or CSV.
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const limit = limitOf(event);
	const rows = await listGroupQuestions(db, group, {
		cursor: decodeCursor(event.url.searchParams.get('cursor')),
		limit
	});
	const paged = page(event, rows, limit, keyOf);
	const body = { items: paged.items.map(withoutCursor), next: paged.next };
	return publicRead(event, body, body.items);
});
