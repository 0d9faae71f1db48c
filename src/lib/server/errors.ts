import type { Message, MessageKey, MessageParams } from '$lib/i18n';
import { log } from './log';

export type ErrorCode =
	| 'invalid'
	| 'not_signed_in'
	| 'not_allowed'
	| 'not_found'
	| 'conflict'
	| 'rate_limited'
	| 'unavailable';

const statusOf: Record<ErrorCode, number> = {
	invalid: 400,
	not_signed_in: 401,
	not_allowed: 403,
	not_found: 404,
	conflict: 409,
	rate_limited: 429,
	unavailable: 503
};

/**
 * An expected failure of a domain operation. Messages are i18n keys: each transport
 * (form action, JSON API, socket ack) translates them once, in the user's language.
 */
export class DomainError extends Error {
	readonly status: number;
	constructor(
		readonly code: ErrorCode,
		readonly msg: Message,
		readonly fields: Record<string, Message> = {},
		/** Seconds until a rate limit lifts. */
		readonly retryAfter?: number
	) {
		super(msg.key);
		this.name = 'DomainError';
		this.status = statusOf[code];
	}
}

const message = (key: MessageKey, params?: MessageParams): Message => ({ key, params });

export const invalid = (fields: Record<string, Message>, key: MessageKey = 'error.invalid') =>
	new DomainError('invalid', message(key), fields);

/** One field is wrong: the summary and the field carry the same message. */
export const invalidField = (field: string, key: MessageKey, params?: MessageParams) =>
	new DomainError('invalid', message(key, params), { [field]: message(key, params) });

export const notSignedIn = () => new DomainError('not_signed_in', message('error.not_signed_in'));
export const notAllowed = (key: MessageKey = 'error.not_allowed') =>
	new DomainError('not_allowed', message(key));
export const notFound = (key: MessageKey = 'error.not_found.generic') =>
	new DomainError('not_found', message(key));
export const conflict = (key: MessageKey = 'error.conflict', field?: string) =>
	new DomainError('conflict', message(key), field ? { [field]: message(key) } : {});
export const rateLimited = (retryAfter: number) =>
	new DomainError(
		'rate_limited',
		message('error.rate_limited', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) }),
		{},
		retryAfter
	);

export function isDomainError(error: unknown): error is DomainError {
	return error instanceof DomainError;
}

/** Errors that mean the database cannot be reached now (not that the request was wrong). */
const unreachable = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now
	'08000', // connection_exception
	'08001',
	'08003',
	'08006'
]);

/**
 * What the doors answer for an error that is not a domain failure: the database being out of
 * reach (PostgreSQL stopped, restarting, its network gone) is `unavailable` (503, try again in a
 * few seconds), never an internal error, and logged here, once per refused request, so each door
 * need not; anything else stays unexpected (undefined), for the door to log as a bug.
 */
export function expectedFailure(error: unknown): DomainError | undefined {
	if (isDomainError(error)) return error;
	for (
		let e = error as { code?: unknown; cause?: unknown } | undefined;
		e;
		e = e.cause as typeof e
	) {
		if (typeof e.code === 'string' && unreachable.has(e.code)) {
			log.warn(`database unavailable (${e.code}): answered 503`);
			return new DomainError('unavailable', message('error.unavailable'), {}, 5);
		}
	}
	return undefined;
}

/** PostgreSQL's unique_violation, raised the same way by PGlite and postgres.js. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	for (
		let e = error as
			{ code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined;
		e;
		e = e.cause as typeof e
	) {
		if (e.code === '23505') {
			return !constraint || e.constraint_name === constraint || e.constraint === constraint;
		}
	}
	return false;
}
