import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler } from '$lib/server/http/api';
import { findWritten } from '$lib/server/written/access';
import { getWritten } from '$lib/server/written/read';
import type { RequestHandler } from './$types';

/** One written question, its answer, lateness and verdicts. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	await findWritten(db, group.id, event.params.id);
	return json(await getWritten(db, group, event.params.id));
});
