import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, decodeCursor, encodeCursor, limitOf, publicRead } from '$lib/server/http/api';
import { listCheckpoints } from '$lib/server/decision-log/checkpoints';
import type { RequestHandler } from './$types';

/** The group's signed checkpoints, latest first, each with its countersignatures. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const before = Number.parseInt(decodeCursor(event.url.searchParams.get('cursor')) ?? '', 10);
	const { items, last, more } = await listCheckpoints(db, group, {
		before: Number.isInteger(before) ? before : undefined,
		limit: limitOf(event, 1000)
	});
	let next: string | null = null;
	if (more && last) {
		const url = new URL(event.url);
		url.searchParams.set('cursor', encodeCursor(String(last)));
		next = url.pathname + url.search;
	}
	return publicRead(
		event,
		{ items, next },
		items.map(({ countersignatures, ...c }) => ({
			...c,
			countersignedBy: countersignatures.map((s) => s.organisation).join('; ')
		}))
	);
});
