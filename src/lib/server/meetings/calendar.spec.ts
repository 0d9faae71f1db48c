import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../db/schema';
import { meetingsCalendar } from './calendar';

const group = { slug: 'harbour', name: 'Harbour Group', timeZone: 'Europe/London' };

const meeting = (overrides: Partial<Meeting>): Meeting => ({
	id: '6f1c7a52-4d0b-4b8e-9a57-8d3a1f7e0c11',
	groupId: 'g',
	number: 1,
	title: 'Quarterly meeting',
	startsAt: new Date('2026-04-02T17:30:00Z'),
	endsAt: new Date('2026-04-02T19:30:00Z'),
	location: 'Riverside Community Centre, Room 2; side door',
	onlineUrl: null,
	streamUrl: null,
	recordingUrl: null,
	state: 'scheduled',
	cancelNote: null,
	startedAt: null,
	joinCode: null,
	participation: 'room_code',
	sequence: 1,
	otherAttendees: null,
	createdBy: null,
	createdAt: new Date('2026-03-01T10:00:00Z'),
	updatedAt: new Date('2026-03-02T10:00:00Z'),
	...overrides
});

/** Parsed with ical.js, an implementation independent of the generator. */
function events(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((vevent) => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			summary: event.summary,
			location: event.location,
			start: event.startDate.toJSDate().toISOString(),
			end: event.endDate.toJSDate().toISOString(),
			sequence: event.sequence,
			status: vevent.getFirstPropertyValue('status'),
			url: vevent.getFirstPropertyValue('url'),
			description: event.description
		};
	});
}

describe('the meetings calendar', () => {
	it('is valid iCalendar with one event per public meeting, in UTC', () => {
		const text = meetingsCalendar(
			group,
			[
				meeting({}),
				meeting({ id: '0b7f2d0e-0000-4000-8000-000000000002', number: 2, state: 'draft' }),
				meeting({
					id: '0b7f2d0e-0000-4000-8000-000000000003',
					number: 3,
					state: 'closed',
					startsAt: new Date('2026-01-10T18:00:00Z'),
					endsAt: new Date('2026-01-10T20:00:00Z')
				})
			],
			'https://crg.example.org'
		);
		expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
		expect(text).toContain('METHOD:PUBLISH');
		const parsed = events(text);
		expect(parsed.map((e) => e.uid)).toEqual([
			'meeting-6f1c7a52-4d0b-4b8e-9a57-8d3a1f7e0c11@openfloor',
			'meeting-0b7f2d0e-0000-4000-8000-000000000003@openfloor'
		]);
		expect(parsed[0]).toMatchObject({
			summary: 'Harbour Group: Quarterly meeting',
			location: 'Riverside Community Centre, Room 2; side door',
			start: '2026-04-02T17:30:00.000Z',
			end: '2026-04-02T19:30:00.000Z',
			sequence: 1,
			status: 'CONFIRMED',
			url: 'https://crg.example.org/g/harbour/meetings/1'
		});
		expect(parsed[0].description).toContain('https://crg.example.org/g/harbour/meetings/1');
	});

	it('keeps the UID across changes, with a higher SEQUENCE, and marks cancellations', () => {
		const before = events(meetingsCalendar(group, [meeting({})], 'https://x.example'))[0];
		const after = events(
			meetingsCalendar(
				group,
				[
					meeting({
						state: 'cancelled',
						cancelNote: 'The venue flooded.',
						sequence: 2,
						updatedAt: new Date('2026-03-20T09:00:00Z')
					})
				],
				'https://x.example'
			)
		)[0];
		expect(after.uid).toBe(before.uid);
		expect(after.sequence).toBeGreaterThan(before.sequence);
		expect(after.status).toBe('CANCELLED');
		expect(after.description).toContain('The venue flooded.');
	});
});
