import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, describeFailure, isPermanent, retryDelayMs } from './retry';

describe('the delivery schedule', () => {
	const policy = { maxAttempts: 5, firstDelayMs: 1000, maxDelayMs: 5000 };

	it('doubles the wait after each failure, up to the cap', () => {
		const middle = () => 0.5;
		expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n, middle))).toEqual([
			1000, 2000, 4000, 5000, 5000
		]);
	});

	it('spreads each wait by half either way', () => {
		expect(retryDelayMs(policy, 2, () => 0)).toBe(1000);
		expect(retryDelayMs(policy, 2, () => 0.999999)).toBe(3000);
	});

	it('gives up within a few hours by default', () => {
		let total = 0;
		for (let n = 1; n < defaultRetryPolicy.maxAttempts; n++) {
			total += retryDelayMs(defaultRetryPolicy, n, () => 0.5);
		}
		expect(total).toBeGreaterThan(3_600_000);
		expect(total).toBeLessThan(4 * 3_600_000);
	});

	it('treats a 5xx answer as final and everything else as passing', () => {
		expect(isPermanent(Object.assign(new Error('no such user'), { responseCode: 550 }))).toBe(true);
		expect(isPermanent(Object.assign(new Error('try later'), { responseCode: 451 }))).toBe(false);
		expect(isPermanent(new Error('connect ECONNREFUSED'))).toBe(false);
		expect(isPermanent(null)).toBe(false);
	});

	it('keeps an error on one short line', () => {
		expect(describeFailure(new Error('451 4.3.0\r\n  try later'))).toBe('451 4.3.0 try later');
		expect(describeFailure('x'.repeat(900))).toHaveLength(500);
	});
});
