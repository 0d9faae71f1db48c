import { getDb } from '$lib/server/db';
import { calendarResponse, meetingsCalendar } from '$lib/server/meetings/calendar';
import { findMeeting } from '$lib/server/meetings/access';
import { orPageError } from '$lib/server/http/page';
import type { RequestHandler } from './$types';

/** One meeting as an .ics download; same UID and SEQUENCE as in the group's feed. */
export const GET: RequestHandler = async (event) => {
	const { group, meeting } = await orPageError(
		event,
		findMeeting(await getDb(), { user: null }, event.params.group, event.params.n)
	);
	const response = calendarResponse(
		meetingsCalendar(group, [meeting], event.url.origin),
		`${group.slug}-meeting-${meeting.number}.ics`
	);
	response.headers.set(
		'content-disposition',
		`attachment; filename="${group.slug}-meeting-${meeting.number}.ics"`
	);
	return response;
};
