import { describe, expect, it } from 'vitest';
import { conflict, expectedFailure } from './errors';

describe('what the doors answer for a failure', () => {
	it('passes a domain failure through', () => {
		const failure = conflict();
		expect(expectedFailure(failure)).toBe(failure);
	});

	it('answers a database out of reach as unavailable (503, try again), however deep the cause', () => {
		for (const code of ['ECONNREFUSED', 'CONNECTION_CLOSED', '57P01', '08006']) {
			const wrapped = new Error('Failed query', { cause: Object.assign(new Error('x'), { code }) });
			const failure = expectedFailure(wrapped);
			expect(failure?.code, code).toBe('unavailable');
			expect(failure?.status).toBe(503);
			expect(failure?.retryAfter).toBe(5);
		}
	});

	it('leaves anything else unexpected', () => {
		expect(expectedFailure(new Error('bug'))).toBeUndefined();
		expect(expectedFailure(Object.assign(new Error('dup'), { code: '23505' }))).toBeUndefined();
		expect(expectedFailure('a string')).toBeUndefined();
	});
});
