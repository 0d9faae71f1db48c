// No request may crash the process. Every HTTP request and upgrade runs in a context of its own
// (AsyncLocalStorage), so an error that escapes it — thrown, or a promise rejected that nobody
// awaited, however deep inside SvelteKit or socket.io — can be traced back to that request: it is
// logged once with a reference, the request is answered 500 (or its connection closed when the
// answer has begun), and the process goes on serving everyone else.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { logLine } from './log-line.js';

/** @typedef {{ method?: string; url?: string }} RequestLike */
/** @typedef {import('node:http').ServerResponse | import('node:stream').Duplex} Answer */

/** @type {AsyncLocalStorage<{ req: RequestLike; answer: Answer }>} */
const current = new AsyncLocalStorage();

/**
 * Wraps every `request` and `upgrade` listener of an HTTP server (call it after socket.io has
 * attached, so its listeners are wrapped too).
 * @param {import('node:http').Server} server
 */
export function guardRequests(server) {
	for (const event of /** @type {const} */ (['request', 'upgrade'])) {
		const listeners = server.listeners(event);
		server.removeAllListeners(event);
		server.on(event, (/** @type {RequestLike} */ req, /** @type {Answer} */ answer, head) => {
			current.run({ req, answer }, () => {
				try {
					for (const listener of listeners) listener.call(server, req, answer, head);
				} catch (error) {
					reportEscaped(error, 'thrown');
				}
			});
		});
	}
}

/**
 * What escapes every request: a rejection nobody awaited is logged (and, inside a request, ends
 * that request alone); so is an exception nobody caught inside a request. One that escaped
 * outside any request leaves the process in a state nobody can vouch for: it drains (finishes the
 * requests in flight, closes the database) and exits 1, for its supervisor to start it again.
 * While stopping, rejections are expected (closing clients reject their pending commands).
 * @param {{ stopping: () => boolean; drain: () => void }} hooks
 */
export function guardProcess({ stopping, drain }) {
	process.on('unhandledRejection', (reason) => {
		if (!stopping()) reportEscaped(reason, 'unhandled rejection');
	});
	process.on('uncaughtException', (error) => {
		if (reportEscaped(error, 'uncaught exception').inRequest) return;
		process.exitCode = 1;
		drain();
	});
}

/**
 * Logs an error that escaped its caller, once, with a reference. Inside a request it also ends
 * that request: 500 if nothing was sent yet, otherwise the connection is closed (a half-sent
 * answer must not look complete).
 * @param {unknown} error
 * @param {string} kind what escaped: 'thrown', 'unhandled rejection', 'uncaught exception'
 * @returns {{ reference: string; inRequest: boolean }}
 */
export function reportEscaped(error, kind) {
	const reference = randomUUID().slice(0, 8);
	const context = current.getStore();
	// The path only: a query string can carry a join code or a token.
	const where = context
		? ` answering ${context.req.method ?? '?'} ${(context.req.url ?? '').split('?')[0]}`
		: '';
	logLine('error', `${kind} ${reference}${where}`, { error: describe(error) });
	if (context) endFailed(context.answer, reference);
	return { reference, inRequest: !!context };
}

/**
 * @param {Answer} answer
 * @param {string} reference
 */
function endFailed(answer, reference) {
	if ('writeHead' in answer) {
		if (answer.writableEnded) return; // answered already: its connection may be serving another
		if (answer.headersSent) return void answer.destroy();
		answer.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
		answer.end(`Internal error (reference ${reference})`);
	} else {
		answer.destroy(); // an upgrade's raw connection
	}
}

/** @param {unknown} error */
function describe(error) {
	if (!(error instanceof Error)) return String(error);
	return error.stack ?? error.message;
}
