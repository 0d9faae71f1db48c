import { json, type RequestEvent } from '@sveltejs/kit';
import { expectedFailure, invalid } from '../errors';
import { translateError } from '../i18n';
import { conditional, publicCacheControl } from './conditional';
import { toCsv } from './csv';

/**
 * Wraps a JSON API handler: an expected failure becomes `{ error: { code, message, fields? } }`
 * with its status, in the caller's language (Accept-Language); anything else goes to handleError.
 */
export function apiHandler<E extends RequestEvent>(
	handler: (event: E) => Response | Promise<Response>
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (thrown) {
			const error = expectedFailure(thrown);
			if (!error) throw thrown;
			const { status, ...failure } = translateError(event.locals.t, error);
			const headers: Record<string, string> = {};
			if (error.retryAfter) headers['retry-after'] = String(error.retryAfter);
			return json({ error: failure }, { status, headers });
		}
	};
}

/** The JSON body of a request, which must be an object. */
export async function readJson(event: RequestEvent): Promise<Record<string, unknown>> {
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		body = undefined;
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw invalid({ _: { key: 'validation.json' } }, 'validation.json');
	}
	return body as Record<string, unknown>;
}

export type Format = 'json' | 'csv';

/** `.csv` at the end of the address asks for CSV; `.json` or nothing, JSON. */
export function formatOf(event: RequestEvent): Format {
	return event.url.pathname.endsWith('.csv') ? 'csv' : 'json';
}

/**
 * A public, cacheable read: JSON or CSV of the same fields, with an ETag (a matching
 * If-None-Match gets 304), revalidated at each use (or, for what never changes,
 * `immutableCacheControl`).
 */
export function publicRead(
	event: RequestEvent,
	body: unknown,
	csvRows?: Record<string, unknown>[],
	cacheControl = publicCacheControl
): Response {
	const format = formatOf(event);
	const text = format === 'csv' ? toCsv(csvRows ?? []) : JSON.stringify(body);
	return conditional(event.request, text, {
		'cache-control': cacheControl,
		vary: 'accept-language',
		'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json'
	});
}

/** Cursor pagination: an opaque cursor that holds the last item's sort key. */
export function encodeCursor(value: string) {
	return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null): string | undefined {
	if (!cursor) return undefined;
	try {
		return Buffer.from(cursor, 'base64url').toString('utf8') || undefined;
	} catch {
		return undefined;
	}
}

/** Items and the next page's URL (null on the last page). */
export function page<T>(
	event: RequestEvent,
	items: T[],
	limit: number,
	keyOf: (item: T) => string
): { items: T[]; next: string | null } {
	const more = items.length > limit;
	const shown = more ? items.slice(0, limit) : items;
	let next: string | null = null;
	if (more) {
		const url = new URL(event.url);
		url.searchParams.set('cursor', encodeCursor(keyOf(shown[shown.length - 1])));
		next = url.pathname + url.search;
	}
	return { items: shown, next };
}

/** `?limit=` bounded to 1..max (default 50). */
export function limitOf(event: RequestEvent, max = 200) {
	const n = Number.parseInt(event.url.searchParams.get('limit') ?? '', 10);
	return Number.isInteger(n) && n > 0 ? Math.min(n, max) : 50;
}
