import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Group, Meeting } from '../db/schema';
import { publicCacheControl } from '../http/conditional';

/**
 * The iCalendar for a group's public meetings (or one meeting). Times are UTC, which every client
 * shows in its own zone. Each meeting keeps one UID for life; SEQUENCE rises with every change
 * (see updateMeeting/changeMeetingState), so clients replace the old entry; a cancelled meeting
 * stays in the feed with STATUS:CANCELLED, so subscribers see it removed from their calendar.
 */
export function meetingsCalendar(
	group: Pick<Group, 'slug' | 'name' | 'timeZone'>,
	meetings: Meeting[],
	origin: string
): string {
	const calendar = ical({
		name: group.name,
		prodId: { company: 'Openfloor', product: 'meetings', language: 'EN' },
		method: ICalCalendarMethod.PUBLISH,
		url: `${origin}/g/${group.slug}/meetings`,
		ttl: 60 * 60
	});
	for (const meeting of meetings) {
		if (meeting.state === 'draft') continue;
		const url = `${origin}/g/${group.slug}/meetings/${meeting.number}`;
		const description = [
			meeting.state === 'cancelled' && meeting.cancelNote ? meeting.cancelNote : undefined,
			meeting.onlineUrl ? `Online: ${meeting.onlineUrl}` : undefined,
			`Agenda and papers: ${url}`
		].filter(Boolean);
		calendar.createEvent({
			id: `meeting-${meeting.id}@openfloor`,
			sequence: meeting.sequence,
			start: meeting.startsAt,
			end: meeting.endsAt,
			stamp: meeting.updatedAt,
			created: meeting.createdAt,
			lastModified: meeting.updatedAt,
			summary: `${group.name}: ${meeting.title}`,
			description: description.join('\n\n'),
			location: meeting.location ?? meeting.onlineUrl ?? null,
			url,
			status: meeting.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}

export function calendarResponse(body: string, fileName: string) {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="${fileName}"`,
			'cache-control': publicCacheControl
		}
	});
}
