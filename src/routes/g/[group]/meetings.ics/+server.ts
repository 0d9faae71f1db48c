import { getDb } from '$lib/server/db';
import { getGroup } from '$lib/server/groups/groups';
import { calendarResponse, meetingsCalendar } from '$lib/server/meetings/calendar';
import { listMeetingsAfter } from '$lib/server/meetings/meetings';
import { orPageError } from '$lib/server/http/page';
import type { RequestHandler } from './$types';

/** The group's public meetings as an iCalendar feed (drafts never appear). */
export const GET: RequestHandler = async (event) => {
	const db = await getDb();
	const group = await orPageError(event, getGroup(db, event.params.group));
	const meetings = await listMeetingsAfter(db, group, undefined, 1000);
	return calendarResponse(
		meetingsCalendar(group, meetings, event.url.origin),
		`${group.slug}-meetings.ics`
	);
};
