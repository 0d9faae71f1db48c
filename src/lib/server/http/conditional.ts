import { createHash } from 'node:crypto';

/**
 * What anything public says to caches: keep it, but ask again (with the ETag) before each use, so
 * a cache in front never serves it after it changed (docs/caching.md).
 */
export const publicCacheControl = 'public, max-age=0, must-revalidate';

/** What never changes once published (a version of the minutes): keep it, a year, unasked. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';

/** A strong ETag for a response body: the first half of its SHA-256. */
export function etagOf(body: string) {
	return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

/** Whether the request's If-None-Match names this ETag (a list, `*`, or a weak form of it). */
export function alreadyHas(request: Request, etag: string) {
	const header = request.headers.get('if-none-match');
	if (!header) return false;
	return header
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === etag || tag === '*');
}

/**
 * A read answered with an ETag: 304 and no body when the client already has this version (on a
 * poor connection, a reader coming back downloads nothing again). The open-data API and the feeds
 * use it; SvelteKit gives server-rendered pages their own ETag and 304.
 */
export function conditional(
	request: Request,
	body: string,
	headers: Record<string, string> | Headers
): Response {
	const all = new Headers(headers);
	const etag = etagOf(body);
	all.set('etag', etag);
	if (alreadyHas(request, etag)) {
		all.delete('content-length');
		return new Response(null, { status: 304, headers: all });
	}
	return new Response(body, { status: 200, headers: all });
}
