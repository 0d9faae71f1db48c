import { textDirection, type Locale, type Message } from '$lib/i18n';
import { messageParts, translatorFor } from '../i18n';
import type { OutgoingMail } from './outbox';
import { escapeHtml } from '../escape-html';

/**
 * One line of a message: a translated message, or text someone wrote (a reason, a name), which
 * is never translated and never read as HTML. `link` names the parameter that holds a URL: in
 * the HTML version it becomes an anchor.
 */
export type MailLine = string | (Message & { link?: string });
/** Lines shown together; paragraphs are separated by a blank line. */
export type MailParagraph = MailLine[];

function lineText(locale: Locale, line: MailLine) {
	return typeof line === 'string' ? line : translatorFor(locale)(line.key, line.params);
}

/** Written text keeps its line breaks; parameters are isolated (`<bdi>`) as on the pages. */
function lineHtml(locale: Locale, line: MailLine) {
	if (typeof line === 'string') return escapeHtml(line).replace(/\r?\n/g, '<br>');
	const url = line.link ? line.params?.[line.link] : undefined;
	return messageParts(locale, line)
		.map((part) => {
			if (!part.isolate) return escapeHtml(part.text);
			if (url !== undefined && part.text === String(url)) {
				const href = escapeHtml(part.text);
				return `<a href="${href}">${href}</a>`;
			}
			return `<bdi>${escapeHtml(part.text)}</bdi>`;
		})
		.join('');
}

/**
 * A message in the recipient's language, as plain text and as HTML built from the same lines
 * (every piece escaped). The subject is a message too.
 */
export function composeMail(
	locale: Locale,
	subject: Message,
	paragraphs: MailParagraph[]
): Pick<OutgoingMail, 'locale' | 'subject' | 'text' | 'html'> {
	const title = lineText(locale, subject);
	const text = paragraphs.map((lines) => lines.map((l) => lineText(locale, l)).join('\n'));
	const html = paragraphs.map(
		(lines) => `<p>${lines.map((l) => lineHtml(locale, l)).join('<br>')}</p>`
	);
	return {
		locale,
		subject: title,
		text: text.join('\n\n'),
		html:
			`<!doctype html><html lang="${locale}" dir="${textDirection(locale)}">` +
			`<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
			`<body>${html.join('\n')}</body></html>`
	};
}
