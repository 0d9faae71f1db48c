import { AsyncLocalStorage } from 'node:async_hooks';
import { config } from './config';

/** The request being answered, for its log lines (set by hooks.server.ts for each request). */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
type Level = keyof typeof order;

function write(level: Level, message: string, extra?: Record<string, unknown>) {
	const { logLevel, logFormat } = config();
	if (order[level] < order[logLevel]) return;
	const time = new Date().toISOString();
	const requestId = requestContext.getStore()?.requestId;
	const line =
		logFormat === 'json'
			? JSON.stringify({ time, level, msg: message, ...(requestId && { requestId }), ...extra })
			: `${time} ${level} ${message}${requestId ? ` [${requestId}]` : ''}` +
				(extra ? ` ${JSON.stringify(extra)}` : '');
	(level === 'error' || level === 'warn' ? console.error : console.log)(line);
}

/**
 * Plain line logging. Never log an address, a cookie or a question's author: an anonymous
 * question must not become linkable through the logs.
 */
export const log = {
	debug: (m: string, e?: Record<string, unknown>) => write('debug', m, e),
	info: (m: string, e?: Record<string, unknown>) => write('info', m, e),
	warn: (m: string, e?: Record<string, unknown>) => write('warn', m, e),
	error: (m: string, e?: Record<string, unknown>) => write('error', m, e)
};

/** An error for the log: its stack, and the cause a driver wrapped in it (drizzle's "Failed query"). */
export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = error.cause instanceof Error ? `\ncaused by: ${error.cause.message}` : '';
	return (error.stack ?? error.message) + cause;
}
