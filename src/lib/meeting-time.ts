import { formatDate, t } from '$lib/i18n/t';

/** A meeting's time in the group's zone, in the visitor's language: "Thursday 2 April 2026 at 18:30". */
export function inZone(value: Date | string, zone: string, part: 'full' | 'time' = 'full') {
	return formatDate(
		value,
		part === 'time'
			? { timeStyle: 'short', timeZone: zone }
			: { dateStyle: 'full', timeStyle: 'short', timeZone: zone }
	);
}

/** "from … to …": the end's date is left out when it is the same day. */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string, zone: string) {
	const sameDay =
		formatDate(startsAt, { dateStyle: 'short', timeZone: zone }) ===
		formatDate(endsAt, { dateStyle: 'short', timeZone: zone });
	return t('meeting.zone_named', {
		time: t('meeting.time_range', {
			start: inZone(startsAt, zone),
			end: inZone(endsAt, zone, sameDay ? 'time' : 'full')
		}),
		zone
	});
}
