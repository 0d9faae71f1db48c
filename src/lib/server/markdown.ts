import { Marked } from 'marked';
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
