import { getDb } from '$lib/server/db';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { immutableCacheControl } from '$lib/server/http/conditional';
import { minutesContext } from '$lib/server/minutes/access';
import { listVersions, pickVersion, publicVersion } from '$lib/server/minutes/versions';
import type { RequestHandler } from './$types';

/**
 * One published version of the meeting's minutes. A version never changes once published (a
 * change is a new version), so it is marked immutable: any cache may keep it for a year.
 */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const context = await minutesContext(db, { user: null }, event.params.group, event.params.n);
	// A version asked for by number is found or refused (404), never left undefined.
	const version = publicVersion(
		pickVersion(await listVersions(db, context.meeting.id), event.params.version)!
	);
	return publicRead(event, version, [version], immutableCacheControl);
});
