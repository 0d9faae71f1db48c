import { describe, expect, it } from 'vitest';
import { defaultDueOn, lateness } from './rules';

describe('written answers: due dates and lateness', () => {
	it('gives 28 days by default', () => {
		expect(defaultDueOn('2026-01-30')).toBe('2026-02-27');
	});

	it('is due until the due date, overdue the day after', () => {
		expect(lateness('2026-03-01', null, '2026-03-01')).toEqual({ state: 'due' });
		expect(lateness('2026-03-01', null, '2026-03-04')).toEqual({ state: 'overdue', days: 3 });
	});

	it('counts the days an answer came late, and none when it came in time', () => {
		expect(lateness('2026-03-01', '2026-03-01', '2026-05-01')).toEqual({
			state: 'answered_in_time'
		});
		expect(lateness('2026-03-01', '2026-03-11', '2026-05-01')).toEqual({
			state: 'answered_late',
			days: 10
		});
	});
});
