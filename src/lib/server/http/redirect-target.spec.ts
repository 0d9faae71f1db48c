import { describe, expect, it } from 'vitest';
import { safeRedirectTarget } from './redirect-target';

describe('safeRedirectTarget', () => {
	it('keeps a path on this site, with its query and fragment', () => {
		expect(safeRedirectTarget('/g/harbour/apply')).toBe('/g/harbour/apply');
		expect(safeRedirectTarget('/g/harbour/meetings/3/live?code=AB#ask')).toBe(
			'/g/harbour/meetings/3/live?code=AB#ask'
		);
		expect(safeRedirectTarget('/search?q=%2F%2Fx')).toBe('/search?q=%2F%2Fx');
	});

	it('refuses everything a browser would take off-site (the audit’s requests among them)', () => {
		for (const target of [
			'/\\evil.example', // GET /login?redirectTo=%2F%5Cevil.example
			'/\t/evil.example', // %2F%09%2Fevil.example
			'/\n/evil.example',
			'/\r\n/evil.example',
			'\\\\evil.example',
			'//evil.example',
			'/\\/evil.example',
			'https://evil.example/',
			'http:evil.example',
			'javascript:alert(1)',
			' /evil',
			'',
			null,
			undefined
		]) {
			expect(safeRedirectTarget(target, '/fallback')).toBe('/fallback');
		}
	});
});
