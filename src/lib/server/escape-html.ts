const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text as HTML that shows it and nothing more: safe in element content and quoted attributes. */
export function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (c) => escapes[c]);
}
