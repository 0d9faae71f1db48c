import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

const payloads = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'<a href="javascript:alert(1)">x</a>',
	'<svg onload=alert(1)>',
	'<iframe src="https://evil.example"></iframe>',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<p onclick="alert(1)">x</p>',
	'![x](https://evil.example/track.png)',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'[x](//evil.example)',
	'<form action="https://evil.example"><button>go</button></form>'
];

describe('renderMarkdown', () => {
	it('renders ordinary markdown', () => {
		const html = renderMarkdown(
			'# Title\n\nSome **bold** and [a link](https://example.org).\n\n- one\n- two'
		);
		expect(html).toContain('<h2>Title</h2>'); // h1 shifted down: the page owns its h1
		expect(html).toContain('<strong>bold</strong>');
		expect(html).toMatch(
			/<a href="https:\/\/example.org" rel="nofollow noopener noreferrer">a link<\/a>/
		);
		expect(html).toContain('<li>one</li>');
	});

	it.each(payloads)('neutralises %s', (payload) => {
		const html = renderMarkdown(payload);
		expect(html).not.toMatch(/<(script|img|svg|iframe|style|form|math|button)\b/i);
		expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i); // escaped text may mention it; no tag has it
		expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
		expect(html).not.toMatch(/href="\/\//);
	});
});
