import { describe, expect, it } from 'vitest';
import { localToUtc, offsetAt, parseLocal, utcToLocal } from './time-zone';

const utc = (value: string) => {
	const result = localToUtc(value, 'Europe/London');
	if (!result.ok) throw new Error(`not a time: ${result.reason}`);
	return result;
};

describe('local time in a zone ⇄ UTC', () => {
	it('converts winter and summer times in Europe/London', () => {
		expect(utc('2026-01-15T18:30').date.toISOString()).toBe('2026-01-15T18:30:00.000Z');
		expect(utc('2026-07-15T18:30').date.toISOString()).toBe('2026-07-15T17:30:00.000Z');
		expect(utc('2026-07-15T18:30').ambiguous).toBe(false);
	});

	it('handles the day the clocks go forward (29 March 2026, 01:00 → 02:00)', () => {
		expect(utc('2026-03-29T00:59').date.toISOString()).toBe('2026-03-29T00:59:00.000Z');
		expect(utc('2026-03-29T02:00').date.toISOString()).toBe('2026-03-29T01:00:00.000Z');
		// 01:30 never happens on that day in London: refused, not guessed.
		expect(localToUtc('2026-03-29T01:30', 'Europe/London')).toEqual({
			ok: false,
			reason: 'nonexistent'
		});
	});

	it('takes the first of the two 01:30s on the day the clocks go back (25 October 2026)', () => {
		const result = utc('2026-10-25T01:30');
		expect(result.ambiguous).toBe(true);
		expect(result.date.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 01:30 BST
		expect(utc('2026-10-25T02:30').date.toISOString()).toBe('2026-10-25T02:30:00.000Z');
		expect(utc('2026-10-25T00:30').ambiguous).toBe(false);
	});

	it('works in zones far from UTC, and across the date line', () => {
		const result = localToUtc('2026-06-01T09:00', 'Pacific/Auckland');
		expect(result.ok && result.date.toISOString()).toBe('2026-05-31T21:00:00.000Z');
		const ny = localToUtc('2026-03-08T02:30', 'America/New_York');
		expect(ny).toEqual({ ok: false, reason: 'nonexistent' });
	});

	it('round-trips to the value a datetime-local input shows', () => {
		for (const value of ['2026-01-15T18:30', '2026-07-15T08:05', '2026-10-25T02:30']) {
			expect(utcToLocal(utc(value).date, 'Europe/London')).toBe(value);
		}
		expect(utcToLocal(new Date('2026-10-25T01:30:00Z'), 'Europe/London')).toBe('2026-10-25T01:30');
		expect(utcToLocal(new Date('2026-10-25T00:30:00Z'), 'Europe/London')).toBe('2026-10-25T01:30');
	});

	it('knows the offset in force', () => {
		expect(offsetAt(Date.parse('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(3_600_000);
		expect(offsetAt(Date.parse('2026-12-01T12:00:00Z'), 'Europe/London')).toBe(0);
		expect(offsetAt(Date.parse('2026-12-01T12:00:00.750Z'), 'Asia/Kolkata')).toBe(19_800_000);
	});

	it('refuses what is not a local date and time', () => {
		for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-01-01T24:00', '2026-01-01']) {
			expect(parseLocal(bad)).toBeUndefined();
			expect(localToUtc(bad, 'Europe/London')).toEqual({ ok: false, reason: 'format' });
		}
	});
});
