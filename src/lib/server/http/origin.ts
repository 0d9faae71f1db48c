const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The media type of a request's body, lower-cased, without its parameters ('' for none). */
const mediaTypeOf = (request: Request) =>
	(request.headers.get('content-type') ?? '').split(';', 1)[0].trim().toLowerCase();

/**
 * RFC 8058's one-click unsubscribe: the recipient's mail provider POSTs a form, with no Origin,
 * from its own servers. Allowed from anywhere because it needs no cookie: the keyed token in the
 * address is the whole authority (notifications/links.ts), which a page of another site cannot
 * know. It can only turn notifications off.
 */
const oneClickUnsubscribe = /^\/notifications\/[^/]+\/unsubscribe\/?$/;

/**
 * True when a request that changes something (any method but GET/HEAD/OPTIONS) may have been sent
 * by a page of another site: its Origin names another origin (`null` included: a sandboxed frame,
 * a `data:` page), or the browser marks it cross-site, or it has no Origin and a body that is not
 * JSON (a form, `text/plain`: what a page of another site can send without asking).
 *
 * Browsers send Origin with every such request; a client that is not a browser (an integration,
 * curl) sends JSON, or no body, and carries no browser's cookie, so it passes. This is the app's
 * one CSRF check, for page form actions, the JSON API and every other endpoint alike; SvelteKit's
 * own (forms only, answered in plain text before any hook) is off in svelte.config.js.
 */
export function isForeignOrigin(request: Request, url: URL): boolean {
	if (safeMethods.has(request.method)) return false;
	if (oneClickUnsubscribe.test(url.pathname)) return false;
	if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== url.origin;
	const type = mediaTypeOf(request);
	return type !== '' && type !== 'application/json';
}
