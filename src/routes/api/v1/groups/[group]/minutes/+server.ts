import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, decodeCursor, limitOf, page, publicRead } from '$lib/server/http/api';
import { listGroupVersions, publicVersion } from '$lib/server/minutes/versions';
import type { RequestHandler } from './$types';

/** Every published version of every meeting's minutes, by meeting then version (JSON or CSV). */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const limit = limitOf(event);
	const [number, version] = (decodeCursor(event.url.searchParams.get('cursor')) ?? '')
		.split(':')
		.map(Number);
	const after =
		Number.isSafeInteger(number) && Number.isSafeInteger(version) && number > 0
			? { number, version }
			: undefined;
	const rows = await listGroupVersions(db, group.id, after, limit);
	const body = page(
		event,
		rows.map((row) => ({
			meetingNumber: row.meetingNumber,
			meetingTitle: row.meetingTitle,
			...publicVersion(row)
		})),
		limit,
		(v) => `${v.meetingNumber}:${v.version}`
	);
	return publicRead(event, body, body.items);
});
