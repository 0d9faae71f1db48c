/**
 * A path on this site to go back to (after signing in, after choosing a language); anything
 * else becomes the fallback. Browsers read `\` as `/` and drop tabs and newlines inside a URL, so
 * `/\evil.example` and `/<tab>/evil.example` lead off-site: the target is resolved as a browser
 * would, against a placeholder origin, and kept only when it stays there — and then only its
 * path, query and fragment, as the URL parser normalised them.
 */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/account') {
	if (!value || !value.startsWith('/')) return fallback;
	const placeholder = 'http://openfloor.invalid';
	let resolved: URL;
	try {
		resolved = new URL(value, placeholder);
	} catch {
		return fallback;
	}
	if (resolved.origin !== placeholder) return fallback;
	return resolved.pathname + resolved.search + resolved.hash;
}
