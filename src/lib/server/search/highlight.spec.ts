import { describe, expect, it } from 'vitest';
import { highlightedHtml, startMarker as s, stopMarker as e } from './highlight';

describe('highlightedHtml', () => {
	it('escapes everything and marks only the matches', () => {
		expect(highlightedHtml(`<script>${s}police${e}</script> & "it's"`)).toBe(
			'&lt;script&gt;<mark>police</mark>&lt;/script&gt; &amp; &quot;it&#39;s&quot;'
		);
	});

	it('keeps marks balanced and drops other control characters', () => {
		expect(highlightedHtml(`${s}a${s}b\u0000c`)).toBe('<mark>abc</mark>');
		expect(highlightedHtml(`${e}a${e}`)).toBe('a');
	});
});
