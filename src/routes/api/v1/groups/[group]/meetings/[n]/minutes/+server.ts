import { getDb } from '$lib/server/db';
import { apiHandler, decodeCursor, limitOf, page, publicRead } from '$lib/server/http/api';
import { minutesContext } from '$lib/server/minutes/access';
import { listVersions, publicVersion } from '$lib/server/minutes/versions';
import type { RequestHandler } from './$types';

/** Every published version of the meeting's minutes, oldest first: `{ items, next }` or CSV. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const context = await minutesContext(db, { user: null }, event.params.group, event.params.n);
	const limit = limitOf(event);
	const after = Number(decodeCursor(event.url.searchParams.get('cursor')) ?? 0) || 0;
	const versions = (await listVersions(db, context.meeting.id))
		.filter((v) => v.version > after)
		.slice(0, limit + 1)
		.map(publicVersion);
	const body = page(event, versions, limit, (v) => String(v.version));
	return publicRead(event, body, body.items);
});
