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
	it('refuses a change from an opaque origin (`null`: a sandboxed frame, a data: page)', () => {
		expect(isForeignOrigin(request('POST', { origin: 'null' }), url)).toBe(true);
	});
	it('refuses a body a form of another site could send when there is no Origin', () => {
		for (const type of [
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			'text/plain;charset=UTF-8',
			'TEXT/PLAIN',
			'application/octet-stream'
		]) {
			expect(isForeignOrigin(request('POST', { 'content-type': type }), url), type).toBe(true);
		}
	});
	it('lets a JSON body, or none, through without an Origin (a client that is not a browser)', () => {
		for (const type of [
			'application/json',
			'application/json; charset=utf-8',
			'APPLICATION/JSON'
		]) {
			expect(isForeignOrigin(request('POST', { 'content-type': type }), url), type).toBe(false);
		}
		expect(isForeignOrigin(request('DELETE', {}), url)).toBe(false);
	});
	it('accepts a change from its own origin, or from a client that is not a browser', () => {
		expect(isForeignOrigin(request('POST', { origin: 'https://crg.example.org' }), url)).toBe(
			false
		);
		expect(isForeignOrigin(request('PATCH', {}), url)).toBe(false);
	});
});
