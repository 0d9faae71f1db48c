import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, decodeCursor, limitOf, page, publicRead } from '$lib/server/http/api';
import { listDecisions } from '$lib/server/decision-log/log';
import type { RequestHandler } from './$types';

/** The hash-chained decision log, oldest first (verify it with `npm run verify-log`). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const limit = limitOf(event, 1000);
	const afterSeq = Number.parseInt(decodeCursor(event.url.searchParams.get('cursor')) ?? '', 10);
	const entries = await listDecisions(db, group.id, {
		afterSeq: Number.isInteger(afterSeq) ? afterSeq : undefined,
		limit
	});
	const body = page(event, entries, limit, (e) => String(e.seq));
	return publicRead(event, body, body.items);
});
