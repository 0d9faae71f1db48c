import {
	json,
	text,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { localeCookie, resolveLocale, textDirection } from '$lib/i18n';
import { preloadMessages } from '$lib/server/http/locale-preload';
import { startEarlySocket } from '$lib/server/http/early-socket';
import { translatorFor } from '$lib/server/i18n';
import { getDb } from '$lib/server/db';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { isForeignOrigin } from '$lib/server/http/origin';
import { readAtMost } from '$lib/server/http/body-limit';
import { startServer } from '$lib/server/startup';
import { describeError, log, requestContext } from '$lib/server/log';
import { isMetricsScraper, readMetrics, timeRequest } from '$lib/server/metrics';
import { handlePublicCache } from '$lib/server/public-cache/cache';
import { sharingReads } from '$lib/server/read-once';

export const init: ServerInit = startServer;

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = resolveLocale(
		event.cookies.get(localeCookie),
		event.request.headers.get('accept-language')
	);
	event.locals.locale = locale;
	event.locals.t = translatorFor(locale);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			startEarlySocket(
				preloadMessages(
					html
						.replace('%openfloor.lang%', locale)
						.replace('%openfloor.dir%', textDirection(locale)),
					locale
				)
			)
	});
};

/** A request refused before any route sees it: JSON for the API, plain text for pages. */
function refuse(event: RequestEvent, code: string, message: string, init: ResponseInit) {
	return event.url.pathname.startsWith('/api/')
		? json({ error: { code, message } }, init)
		: text(message, init);
}

/**
 * A change (any method but GET/HEAD/OPTIONS) a page of another site may have sent is refused
 * (http/origin.ts): the app's one CSRF check, for pages, their form actions and the API alike.
 */
const handleOrigin: Handle = ({ event, resolve }) => {
	if (isForeignOrigin(event.request, event.url)) {
		return refuse(event, 'foreign_origin', event.locals.t('error.foreign_origin'), {
			status: 403
		});
	}
	return resolve(event);
};

/**
 * A method an API endpoint does not export gets SvelteKit's 405 in plain text: answered in the
 * API's own error shape instead, keeping its Allow header (found by the fuzz, issue 16).
 */
const handleApiMethod: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (response.status !== 405 || !event.url.pathname.startsWith('/api/')) return response;
	if (response.headers.get('content-type')?.startsWith('application/json')) return response;
	return refuse(event, 'method_not_allowed', event.locals.t('error.method_not_allowed'), {
		status: 405,
		headers: { allow: response.headers.get('allow') ?? '' }
	});
};

/**
 * The server accepts bodies up to BODY_SIZE_LIMIT (11 MB) because papers are uploaded as PDFs;
 * every other route takes at most 1 MB, refused before it is read.
 */
const uploadRoutes = new Set([
	'/g/[group]/meetings/[n=integer]/items/[item]',
	'/api/v1/groups/[group]/meetings/[n]/agenda/[item]/documents'
]);
const smallBodyBytes = 1024 * 1024;

const handleBodySize: Handle = async ({ event, resolve }) => {
	if (uploadRoutes.has(event.route.id ?? '')) return resolve(event);
	const length = event.request.headers.get('content-length');
	if (Number(length ?? 0) > smallBodyBytes) return tooLarge(event);
	if (length === null && event.request.body) {
		// Sent in chunks, a body declares no length: read it here, never past the limit, before
		// anything parses it.
		const body = await readAtMost(event.request.body, smallBodyBytes);
		if (!body) return tooLarge(event);
		event.request = new Request(event.request, { body });
	}
	return resolve(event);
};

function tooLarge(event: RequestEvent) {
	// The body stays unread (or half read), so this connection cannot carry another request.
	return refuse(event, 'too_large', event.locals.t('error.body_too_large'), {
		status: 413,
		headers: { connection: 'close' }
	});
}

const handleSession: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(sessionCookieName);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const { session, user } = await validateSessionToken(await getDb(), token);
		if (session) {
			setSessionCookie(event.cookies, token, session.expiresAt, secure);
			event.locals.user = user;
			event.locals.session = session;
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

/** The one page another page may frame (this origin's own, say a stream overlay or a kiosk). */
const framedBySameOrigin = '/g/[group]/meetings/[n=integer]/screen';

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// Pages carry SvelteKit's Content-Security-Policy (svelte.config.js), `frame-ancestors 'none'`
	// included; X-Frame-Options says the same to browsers that predate it.
	const csp = response.headers.get('content-security-policy');
	if (event.route.id === framedBySameOrigin) {
		if (csp) {
			response.headers.set(
				'content-security-policy',
				csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
			);
		}
		response.headers.set('x-frame-options', 'SAMEORIGIN');
	} else {
		response.headers.set('x-frame-options', 'DENY');
	}
	// Served over HTTPS (ORIGIN says so), browsers are told to come back only that way.
	if (event.url.protocol === 'https:') {
		response.headers.set('strict-transport-security', 'max-age=31536000');
	}
	response.headers.set('x-content-type-options', 'nosniff');
	// Join links carry meeting codes: never leak a full address to another site.
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	return response;
};

/**
 * Each request gets an id: on every log line written while answering it, and in its answer's
 * `X-Request-Id` header, so an operator can find a visitor's report in the log.
 */
const handleRequestId: Handle = ({ event, resolve }) => {
	const requestId = crypto.randomUUID();
	return requestContext.run({ requestId }, async () => {
		const response = await resolve(event);
		response.headers.set('x-request-id', requestId);
		return response;
	});
};

/**
 * GET /metrics for Prometheus, when METRICS_TOKEN is set and the request carries it; to anyone
 * else it does not exist (the app's own 404). Answered here, before the handles meant for pages
 * (locale, session, page headers), and not counted among the requests it reports.
 */
const handleMetrics: Handle = async ({ event, resolve }) => {
	if (
		event.url.pathname === '/metrics' &&
		event.request.method === 'GET' &&
		isMetricsScraper(event.request.headers.get('authorization'))
	) {
		const metrics = await readMetrics();
		if (metrics) {
			return new Response(metrics.body, {
				headers: { 'content-type': metrics.contentType, 'cache-control': 'no-store' }
			});
		}
	}
	const done = timeRequest(event.request.method);
	if (!done) return resolve(event);
	try {
		const response = await resolve(event);
		done(event.route.id, response.status);
		return response;
	} catch (error) {
		done(event.route.id, 500);
		throw error;
	}
};

/** A reading request (GET, HEAD) reads the group and the visitor's roles once (read-once.ts). */
const handleReadOnce: Handle = ({ event, resolve }) => {
	const { method } = event.request;
	return method === 'GET' || method === 'HEAD'
		? sharingReads(() => resolve(event))
		: resolve(event);
};

export const handle = sequence(
	handleMetrics,
	handleRequestId,
	handleLocale,
	handleOrigin,
	handleApiMethod,
	handleBodySize,
	handleSession,
	handleHeaders,
	handlePublicCache,
	handleReadOnce
);

/** Logs the unexpected with a reference; the visitor sees the reference, never a stack trace. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	// The sender's mistake (a page that does not exist, a POST to a page without forms): answered,
	// not logged as the app's.
	if (status < 500) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	log.error(
		`unexpected error ${errorId} on ${event.request.method} ${event.route.id ?? 'unknown route'}`,
		{
			error: describeError(error)
		}
	);
	return { message: 'Internal error', errorId };
};
