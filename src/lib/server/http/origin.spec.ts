import { describe, expect, it } from 'vitest';
import { isForeignOrigin } from './origin';

const url = new URL('https://crg.example.org/api/v1/groups');
const request = (method: string, headers: Record<string, string>) =>
	new Request(url, { method, headers });

describe('isForeignOrigin', () => {
	it('lets reads through from anywhere', () => {
		expect(isForeignOrigin(request('GET', { origin: 'https://evil.example' }), url)).toBe(false);
	});
	it('refuses a change from another origin or marked cross-site', () => {
		expect(isForeignOrigin(request('POST', { origin: 'https://evil.example' }), url)).toBe(true);
		expect(isForeignOrigin(request('DELETE', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
	});
	it('accepts a change from its own origin, or from a client that is not a browser', () => {
		expect(isForeignOrigin(request('POST', { origin: 'https://crg.example.org' }), url)).toBe(
			false
		);
		expect(isForeignOrigin(request('PATCH', {}), url)).toBe(false);
	});
});
