const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when a request that changes something was sent by a page of another site: its Origin
 * header names another origin, or the browser marks it cross-site. (Clients that are not
 * browsers send neither and carry no ambient cookie, so they pass.) This covers JSON bodies,
 * which SvelteKit's own CSRF check (forms only) does not.
 */
export function isForeignOrigin(request: Request, url: URL): boolean {
	if (safeMethods.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== url.origin) return true;
	return request.headers.get('sec-fetch-site') === 'cross-site';
}
