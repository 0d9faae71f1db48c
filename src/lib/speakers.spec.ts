import { describe, expect, it } from 'vitest';
import { createTranslate } from '$lib/i18n';
import { en } from '$lib/i18n/en';
import { clockTime, secondsLeft, speakerName, timerText } from './speakers';

const t = createTranslate(en);

describe('speakers’ timers and names', () => {
	it('shows a length of time as a timer does', () => {
		expect(clockTime(0)).toBe('0:00');
		expect(clockTime(65)).toBe('1:05');
		expect(clockTime(3600 + 61)).toBe('1:01:01');
		expect(clockTime(-5)).toBe('0:00');
	});

	it('counts down from the server’s start, allowing for the browser clock’s lead', () => {
		const start = '2026-12-04T10:00:00.000Z';
		const at = (s: number) => Date.parse(start) + s * 1000;
		expect(secondsLeft(start, 180, at(30))).toBe(150);
		// The browser's clock runs 10 s ahead of the server's.
		expect(secondsLeft(start, 180, at(40), 10_000)).toBe(150);
		expect(timerText(t, 150)).toBe('2:30 left');
		expect(timerText(t, -0.4)).toBe('0:00 over time');
		expect(timerText(t, -61)).toBe('1:01 over time');
	});

	it('names a speaker as they chose', () => {
		expect(speakerName(t, { name: 'Sam', organisation: 'Law Centre' })).toBe('Sam (Law Centre)');
		expect(speakerName(t, { name: 'Sam', organisation: null })).toBe('Sam');
		expect(speakerName(t, { name: null, organisation: 'Law Centre' })).toBe('Law Centre');
		expect(speakerName(t, { name: null, organisation: null })).toBe('An attendee');
	});
});
