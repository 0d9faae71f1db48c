import { randomBytes } from 'node:crypto';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { config } from '../config';
import { participantCookie } from '../questions/participant';
import { roomsCookie } from '../questions/participation';
import { keptAtMostMs, versionsNow } from './versions';
import { alreadyHas, publicCacheControl } from '../http/conditional';
import { nonceOffsets, withNonce } from './nonce';
import { pageStore, type KeptPage } from './store';

let store: ReturnType<typeof pageStore> | null | undefined;

/** The process's store, or null when PUBLIC_CACHE_MB is 0. */
function processStore() {
	if (store === undefined) {
		const bytes = config().publicCacheBytes;
		store = bytes > 0 ? pageStore(bytes) : null;
	}
	return store;
}

/** Addresses that carry a secret (a token) or answer one person: never kept. */
const personal =
	/^\/(account|admin|notifications|follow|invitations|password-reset|login|signup|logout|join|healthz|metrics)(\/|$)|\/(live|moderate)(\/|$)/;

/**
 * A group's pages that never show a vote tally or a room's verdict: a vote, which comes tens a
 * second in a full hall, leaves them kept. Every other address of a group (its ledger, whose
 * figures rank questions by votes; the screen; the open data of questions) depends on its votes.
 */
const withoutTallies =
	/^\/g\/[^/]+(\/(__data\.json|meetings(\/\d+(\/minutes)?)?|decisions|members|officers|membership|apply|feed\.xml|meetings\.ics|meetings\/\d+\.ics))?\/?$/;

/** The group whose votes an address shows (one of the versions it depends on), if any. */
export function talliesShownOn(pathname: string): string | null {
	if (withoutTallies.test(pathname)) return null;
	return /^\/(?:g|api\/v1\/groups)\/([^/]+)/.exec(pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Renders under way, by versions and key: readers who ask for a page being rendered at the
 * versions they read themselves wait for that rendering instead of starting their own, so a
 * crowd arriving just after a change costs one rendering, not one each.
 */
const rendering = new Map<string, Promise<KeptPage | null>>();

/**
 * An answer for one person: a session, a participant's cookies (their own questions, their room)
 * or a personal address. No cache, this one or one in front, may keep it.
 */
function forOnePerson(event: RequestEvent) {
	if (event.locals.user || event.cookies.get(participantCookie) || event.cookies.get(roomsCookie))
		return true;
	return personal.test(event.url.pathname);
}

/** A visitor asking to read what every visitor reads alike: the page may come from memory. */
function keepable(event: RequestEvent) {
	const { method } = event.request;
	return (method === 'GET' || method === 'HEAD') && !forOnePerson(event);
}

/** Whether a response already says no shared cache may keep it. */
function keptToOne(response: Response) {
	return /no-store|private/.test(response.headers.get('cache-control') ?? '');
}

/** A response every anonymous reader would get alike: 200, no cookie set, not marked private. */
function shareable(response: Response) {
	if (response.status !== 200 || response.headers.has('set-cookie')) return false;
	return !keptToOne(response);
}

function requestKey(event: RequestEvent) {
	const accept = event.request.headers.get('accept') ?? '';
	return `${event.locals.locale}\n${accept}\n${event.url.pathname}${event.url.search}`;
}

/** A kept page, served: its own headers, a fresh CSP nonce, or 304 when the reader has it. */
function serve(page: KeptPage, request: Request) {
	const headers = new Headers(page.headers);
	headers.set('x-openfloor-cache', 'hit');
	const etag = headers.get('etag');
	if (etag && alreadyHas(request, etag)) {
		// Only what RFC 9110 lets a 304 carry: the reader keeps its copy's CSP with its nonce.
		const kept = new Headers({ etag });
		for (const name of ['cache-control', 'vary', 'x-openfloor-cache']) {
			const value = headers.get(name);
			if (value) kept.set(name, value);
		}
		return new Response(null, { status: 304, headers: kept });
	}
	let body: Uint8Array<ArrayBuffer> = page.body;
	if (page.nonce) {
		const nonce = randomBytes(16).toString('base64');
		body = withNonce(page.body, page.nonceAt, page.nonce.length, nonce);
		const csp = headers.get('content-security-policy');
		if (csp) headers.set('content-security-policy', csp.replaceAll(page.nonce, nonce));
		headers.delete('content-length');
	}
	return new Response(request.method === 'HEAD' ? null : body, { status: page.status, headers });
}

/** The nonce SvelteKit put in a page's CSP (`'nonce-…'`), if any. */
function nonceOf(response: Response) {
	return /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? null;
}

/**
 * Serves anonymous readers from memory. Before rendering, the versions of what the page shows
 * are read from the database (one short statement: versions.ts), so on any instance a page kept
 * at older versions is rendered afresh, and a change committed while a page renders makes the
 * next reader's versions differ. Signed-in readers, participants, and anything personal, are
 * never kept, and are told so (`private, no-store`); kept pages say `public, max-age=0,
 * must-revalidate`, so a cache in front asks again each time, with the ETag, and gets a 304
 * while nothing changed.
 */
export const handlePublicCache: Handle = async ({ event, resolve }) => {
	const pages = processStore();
	if (!pages || !keepable(event)) {
		const response = await resolve(event);
		// Unless the page already kept it to its reader: an answer for one person is never kept,
		// not even one otherwise immutable (a fixed minutes version: its header names the reader).
		if (forOnePerson(event) && !keptToOne(response)) {
			response.headers.set('cache-control', 'private, no-store');
		}
		return response;
	}
	const key = requestKey(event);
	const versions = await versionsNow(talliesShownOn(event.url.pathname));
	const kept = pages.get(key);
	if (kept && kept.versions === versions && Date.now() - kept.storedAt < keptAtMostMs) {
		return serve(kept, event.request);
	}
	const under = `${versions}\n${key}`;
	const other = rendering.get(under);
	if (other) {
		const page = await other;
		if (page) return serve(page, event.request);
		return resolve(event); // that answer could not be kept (an error, a cookie): render anew
	}
	// Only a GET's answer is kept; a HEAD is served from it, never the reverse.
	if (event.request.method === 'HEAD') return resolve(event);
	let rendered: (page: KeptPage | null) => void = () => {};
	rendering.set(under, new Promise((settle) => (rendered = settle)));
	let page: KeptPage | null = null;
	try {
		const response = await resolve(event);
		if (!shareable(response)) return response;
		if (!response.headers.has('cache-control')) {
			response.headers.set('cache-control', publicCacheControl);
		}
		response.headers.set('vary', 'Accept, Accept-Language, Cookie');
		const body = new Uint8Array(await response.arrayBuffer());
		const nonce = nonceOf(response);
		page = {
			versions,
			storedAt: Date.now(),
			status: response.status,
			headers: [...response.headers],
			body,
			nonce,
			nonceAt: nonce ? nonceOffsets(body, nonce) : []
		};
	} finally {
		rendering.delete(under);
		rendered(page);
	}
	pages.set(key, page);
	const headers = new Headers(page.headers);
	headers.set('x-openfloor-cache', 'miss');
	return new Response(page.body, { status: page.status, headers });
};
