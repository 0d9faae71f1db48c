import { describe, expect, it } from 'vitest';
import { conditional, etagOf } from './conditional';

const get = (headers: Record<string, string> = {}, method = 'GET') =>
	new Request('http://openfloor.test/g/harbour', { method, headers });

describe('conditional responses', () => {
	it('answers 304 without a body when the client has this version, 200 otherwise', async () => {
		const etag = etagOf('body');
		expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
		const fresh = conditional(get(), 'body', { 'content-type': 'text/plain' });
		expect(fresh.status).toBe(200);
		expect(fresh.headers.get('etag')).toBe(etag);
		expect(await fresh.text()).toBe('body');
		for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
			const same = conditional(get({ 'if-none-match': header }), 'body', {});
			expect(same.status, header).toBe(304);
			expect(await same.text()).toBe('');
		}
		expect(conditional(get({ 'if-none-match': etagOf('old') }), 'body', {}).status).toBe(200);
	});
});
