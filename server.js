// Production entry: one HTTP server for SvelteKit (adapter-node's handler) and socket.io.
// The socket.io server is shared through globalThis; SvelteKit's init hook attaches Openfloor's
// handlers to it (src/lib/server/realtime/attach.ts) once the database is open.
import http from 'node:http';
import { Server } from 'socket.io';
import { guardProcess, guardRequests } from './server/request-guard.js';
import { socketOptions } from './server/socket-options.js';
import { logLine } from './server/log-line.js';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';

/** @type {import('node:http').RequestListener} */
let handler;
// SvelteKit's listener is registered before socket.io attaches: engine.io takes over the listeners
// it finds and calls them only for paths outside its own, so socket.io alone answers /socket.io/.
const httpServer = http.createServer((req, res) => handler(req, res));

/** Stops the process with one line (and the details only at LOG_LEVEL=debug). */
function cannotStart(/** @type {unknown} */ error) {
	const message = error instanceof Error ? error.message : String(error);
	if (process.env.LOG_FORMAT === 'json') {
		logLine('error', `Openfloor cannot start: ${message.split('\n')[0]}`);
	} else console.error(`Openfloor cannot start: ${message.split('\n')[0]}`);
	if (process.env.LOG_LEVEL === 'debug') console.error(error);
	process.exit(1);
}

// How long an idle keep-alive connection stays open, in seconds (adapter-node's variable; Node's
// default 5). Whatever reuses connections to the app must give them up sooner: the nginx file
// does at 4 s. A request sent on a connection the app is just closing gets no answer.
const keepAliveSeconds = Number(process.env.KEEP_ALIVE_TIMEOUT || 5);
if (!(keepAliveSeconds > 0 && keepAliveSeconds <= 3600)) {
	cannotStart('KEEP_ALIVE_TIMEOUT must be a number of seconds from 1 to 3600');
}
httpServer.keepAliveTimeout = keepAliveSeconds * 1000;
globalThis.openfloorSocketServer = new Server(httpServer, socketOptions);

// Agenda papers are uploaded as PDFs of up to 10 MB (src/lib/server/meetings/documents.ts);
// adapter-node's default request body limit is 512 KB.
process.env.BODY_SIZE_LIMIT ||= '11M';

// Importing the handler runs SvelteKit's init hook: configuration is validated and the database
// opened (and migrated) before the first request; a bad setting stops the process with one line.
try {
	({ handler } = await import('./build/handler.js'));
} catch (error) {
	// adapter-node validates some variables itself (ORIGIN, …): one line, no stack trace.
	cannotStart(error);
}
guardRequests(httpServer);

// A restarted instance is met by its whole hall reconnecting at once. Node's default accept queue
// (511) overflows under a thousand, and the kernel then drops connections that TCP retries only
// seconds later (R1, docs/reliability.md); the kernel caps this at net.core.somaxconn.
httpServer.listen({ port, host, backlog: 4096 }, () => {
	const shown = process.env.ORIGIN || `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
	if (process.env.LOG_FORMAT === 'json') logLine('info', `Openfloor is running at ${shown}`);
	else console.log(`Openfloor is running at ${shown}`);
});

let stopping = false;
function shutdown() {
	if (stopping) return;
	stopping = true;
	// A drain that hangs must not keep the process up for ever.
	setTimeout(() => process.exit(process.exitCode ?? 1), 15_000).unref();
	// Closing socket.io disconnects live clients and closes the HTTP server; once the last
	// request has finished, SvelteKit's shutdown event closes the database and the process exits.
	httpServer.once('close', () => process.emit('sveltekit:shutdown', 'SIGTERM'));
	globalThis.openfloorSocketServer.close();
	httpServer.closeIdleConnections?.();
	setTimeout(() => httpServer.closeAllConnections?.(), 5000).unref();
}
guardProcess({ stopping: () => stopping, drain: shutdown });
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
