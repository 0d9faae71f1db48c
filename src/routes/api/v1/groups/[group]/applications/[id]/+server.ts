import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { findApplication } from '$lib/server/membership/common';
import { publicApplicationOf, timelineOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** One application's public record and its history. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const app = await publicApplicationOf(db, await findApplication(db, group.id, event.params.id));
	return publicRead(event, { ...app, timeline: timelineOf(app) }, [app]);
});
