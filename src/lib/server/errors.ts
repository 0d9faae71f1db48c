import type { Message, MessageKey, MessageParams } from '$lib/i18n';

export type ErrorCode =
	'invalid' | 'not_signed_in' | 'not_allowed' | 'not_found' | 'conflict' | 'rate_limited';

const statusOf: Record<ErrorCode, number> = {
	invalid: 400,
	not_signed_in: 401,
	not_allowed: 403,
	not_found: 404,
	conflict: 409,
	rate_limited: 429
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
