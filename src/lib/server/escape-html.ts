/** Each character HTML gives a meaning to, as an entity. */
export const htmlEscapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text as HTML that shows it and nothing more: safe in element content and quoted attributes. */
export function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]);
}
