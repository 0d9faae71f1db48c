import { Marked } from 'marked';
import { LRUCache } from 'lru-cache';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
	'p',
	'br',
	'hr',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'blockquote',
	'pre',
	'code',
	'ul',
	'ol',
	'li',
	'strong',
	'em',
	'del',
	'a',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td'
];

/**
 * The one way user-written markdown becomes HTML: parse, then sanitise. Raw HTML, scripts,
 * event handlers, images and `javascript:` links never survive; links open safely.
 * Headings are shifted down one level so user text never competes with the page's own h1.
 */
export function renderMarkdown(source: string): string {
	const cached = rendered.get(source);
	if (cached !== undefined) return cached;
	const html = parseAndSanitise(source);
	rendered.set(source, html);
	return html;
}

/**
 * Rendering is a pure function of the text, and costs ~10 ms for long minutes (5,000 words):
 * recent results are kept, up to about 8 MB of text. Nothing here needs sharing between
 * instances: the same text renders the same everywhere.
 */
const rendered = new LRUCache<string, string>({
	maxSize: 4_000_000,
	// At least 1: lru-cache refuses a size of 0 (empty text).
	sizeCalculation: (html, source) => source.length + html.length + 1
});

function parseAndSanitise(source: string): string {
	const html = marked.parse(source, { async: false }) as string;
	return sanitizeHtml(html, {
		allowedTags,
		allowedAttributes: {
			a: ['href', 'title', 'rel'],
			th: ['align'],
			td: ['align'],
			code: ['class']
		},
		allowedSchemes: ['http', 'https', 'mailto'],
		allowProtocolRelative: false,
		disallowedTagsMode: 'escape',
		transformTags: {
			h1: 'h2',
			a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' })
		}
	});
}
