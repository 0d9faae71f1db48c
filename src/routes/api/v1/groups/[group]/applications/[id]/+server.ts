import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { apiHandler, publicRead } from '$lib/server/http/api';
import { findApplication } from '$lib/server/membership/common';
import { appealPanel } from '$lib/server/membership/appeals';
import { publicApplicationOf, publicPanellist, timelineOf } from '$lib/server/membership/register';
import type { RequestHandler } from './$types';

/** One application's public record and its history. */
export const GET: RequestHandler = apiHandler(async (event) => {
	const db = await getDb();
	const group = await getGroup(db, event.params.group);
	const row = await findApplication(db, group.id, event.params.id);
	const app = await publicApplicationOf(db, row);
	const panel = (await appealPanel(db, row.id)).map(publicPanellist);
	return publicRead(event, { ...app, panel, timeline: timelineOf(app, panel) }, [app]);
});
