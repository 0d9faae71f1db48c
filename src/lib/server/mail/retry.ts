/** How a failed attempt is followed up: the delivery schedule, as plain rules. */
export type RetryPolicy = {
	/** Attempts before the message is given up (failedAt). */
	maxAttempts: number;
	/** The wait after the first failure; it doubles after each one. */
	firstDelayMs: number;
	/** The longest wait between two attempts. */
	maxDelayMs: number;
};

/** Eight attempts over about an hour (waits of 30 s, 1, 2, 4, 8, 16, 32 min, ±50 % each). */
export const defaultRetryPolicy: RetryPolicy = {
	maxAttempts: 8,
	firstDelayMs: 30_000,
	maxDelayMs: 3_600_000
};

/**
 * The wait before attempt `attempts + 1`: exponential, capped, and spread by ±50 % so messages
 * that failed together (the mail server was down) do not all come back at once.
 */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random = Math.random) {
	const base = Math.min(policy.firstDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
	return Math.round(base * (0.5 + random()));
}

/**
 * A 5xx answer (unknown mailbox, refused recipient) will not change by asking again: the
 * message is given up at once. Anything else (4xx, a lost connection, a timeout) is retried.
 */
export function isPermanent(error: unknown) {
	const code = (error as { responseCode?: unknown } | null)?.responseCode;
	return typeof code === 'number' && code >= 500 && code < 600;
}

/** What the outbox keeps of an error: one line, short enough for the admin page. */
export function describeFailure(error: unknown) {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/\s+/g, ' ').trim().slice(0, 500);
}
