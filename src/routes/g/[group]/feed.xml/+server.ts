import { getDb } from '$lib/server/db';
import { groupFeed } from '$lib/server/feed/group-feed';
import { getGroup } from '$lib/server/groups/groups';
import { feedResponse } from '$lib/server/feed/response';
import { orPageError } from '$lib/server/http/page';
import type { RequestHandler } from './$types';

/** The group's Atom feed: minutes published and amended, decisions, public meetings. */
export const GET: RequestHandler = async (event) => {
	const db = await getDb();
	const group = await orPageError(event, getGroup(db, event.params.group));
	const xml = await groupFeed(db, group, {
		origin: event.url.origin,
		t: event.locals.t,
		locale: event.locals.locale
	});
	return feedResponse(event.request, xml);
};
