import { describe, expect, it } from 'vitest';
import { element, escapeXml, renderXml } from './xml';

describe('the XML writer', () => {
	it('escapes markup and drops what XML 1.0 cannot hold', () => {
		expect(escapeXml(`a & <b> "c" 'd'`)).toBe('a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;');
		expect(escapeXml('x\u0000\u0001\u000b\ud800\uFFFE\uFFFFy\t\n😀')).toBe('xy\t\n😀');
	});

	it('writes attributes escaped and leaves out undefined ones', () => {
		const xml = renderXml(
			element('feed', { href: 'a?b=1&c="2"', none: undefined }, element('title', {}, '<x>'))
		);
		expect(xml).toBe(
			'<?xml version="1.0" encoding="utf-8"?>\n<feed href="a?b=1&amp;c=&quot;2&quot;">\n  <title>&lt;x&gt;</title>\n</feed>\n'
		);
	});
});
