import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { ledgerFilterOf, ledgerItems } from '$lib/server/ledger/items';
import { meetingFigures } from '$lib/server/ledger/figures';
import type { RequestHandler } from './$types';

/**
 * The accountability ledger: `{ items, figures }` (JSON), or the items alone (CSV); filtered by
 * `?kind=question|action`, `?status=` and `?overdue=1` like the page.
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const [items, figures] = await Promise.all([
		ledgerItems(db, group, ledgerFilterOf(event.url.searchParams)),
		meetingFigures(db, group)
	]);
	return publicRead(event, { items, figures }, items);
});
