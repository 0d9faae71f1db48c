import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { latestCheckpoint } from '$lib/server/decision-log/checkpoints';
import { notFound } from '$lib/server/errors';
import type { RequestHandler } from './$types';

/** The latest signed checkpoint: save it, and `npm run verify-log -- --checkpoint` it later. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const latest = await latestCheckpoint(db, group);
	if (!latest) throw notFound('checkpoint.not_found');
	return publicRead(event, latest);
});
