import type { IncomingMessage } from 'node:http';
import type { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { liveNamespace } from '$lib/realtime/events';
import type { Config } from '../config';
import { log } from '../log';
import { watchConnections } from '../metrics';
import { useSharedRedis, type SharedRedis } from '../shared-redis';
import { identify, isAllowedOrigin, type LiveSocket } from './connection';
import { accountRoom, sessionRoom } from './broadcast';
import { dispatch } from './handlers';
import './live-handlers';
import './announce';

function newRedisClient(url: string) {
	return createClient({
		url,
		socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) }
	});
}
type RedisClient = ReturnType<typeof newRedisClient>;
type RealtimeState = { io?: Server; pub?: RedisClient; sub?: RedisClient };

const state = ((globalThis as { openfloorRealtime?: RealtimeState }).openfloorRealtime ??= {});

/** Redis state for /healthz: undefined when not configured. */
export function redisReady(): boolean | undefined {
	return state.pub ? state.pub.isReady && !!state.sub?.isReady : undefined;
}

function connectRedis(url: string) {
	const pub = newRedisClient(url);
	const sub = newRedisClient(url);
	let lastWarning = 0;
	for (const client of [pub, sub]) {
		client.on('error', (error: Error) => {
			// Keep serving this instance alone while Redis is away; warn at most every 30 s.
			if (Date.now() - lastWarning > 30_000) {
				lastWarning = Date.now();
				log.warn(`Redis unavailable, broadcasts stay on this instance: ${error.message}`);
			}
		});
		client.connect().catch(() => {});
	}
	return { pub, sub };
}

/** Attaches Openfloor's namespace, authentication and handlers to a socket.io server. */
export async function attachRealtime(io: Server, settings: Pick<Config, 'origin' | 'redisUrl'>) {
	if (state.io === io) return; // dev server reloads: already attached
	state.io = io;
	watchConnections(() => io.engine.clientsCount);
	if (settings.redisUrl) {
		const { pub, sub } = connectRedis(settings.redisUrl);
		state.pub = pub;
		state.sub = sub;
		io.adapter(createAdapter(pub, sub));
		// The vote limit and each meeting's tally window are shared through the same Redis.
		useSharedRedis(pub as unknown as SharedRedis);
	}
	// Every request of either transport (the handshake, each long-polling GET and POST, the upgrade
	// to a websocket) is refused when a page of another site sent it.
	io.engine.use((req: IncomingMessage, _res: unknown, next: (error?: Error) => void) => {
		const { origin, host } = req.headers;
		next(isAllowedOrigin(origin, host, settings.origin) ? undefined : new Error('foreign_origin'));
	});
	const live = io.of(liveNamespace);
	live.use((socket, next) => {
		identify(socket as LiveSocket).then(
			() => next(),
			() => next(new Error('unavailable'))
		);
	});
	live.on('connection', (raw) => {
		raw.onAny(dispatch);
		const { user, session } = (raw as LiveSocket).data;
		if (user) void raw.join(accountRoom(user.id));
		if (session) void raw.join(sessionRoom(session.id));
		lightenRequest(raw as LiveSocket);
	});
}

/** The request headers identifying a socket reads (connection.ts), and the origin check. */
const identifyingHeaders = ['cookie', 'origin', 'host', 'accept-language'] as const;

/**
 * The connection's first HTTP request stays referenced for the connection's whole life
 * (socket.io's advice on memory use is to let it go). It is replaced by what socket.io and
 * `identify` read of it, so a socket that joins the namespace again over the same connection is
 * identified exactly as the first time.
 */
function lightenRequest(socket: LiveSocket) {
	const headers: Record<string, string> = {};
	for (const name of identifyingHeaders) {
		const value = socket.handshake.headers[name];
		if (typeof value === 'string') headers[name] = value;
	}
	socket.handshake.headers = headers;
	(socket.conn as { request?: unknown }).request = {
		headers,
		url: socket.handshake.url,
		connection: { encrypted: socket.handshake.secure }
	};
}

export async function closeRealtime() {
	await new Promise<void>((resolve) => (state.io ? state.io.close(() => resolve()) : resolve()));
	useSharedRedis(undefined);
	for (const client of [state.pub, state.sub]) {
		try {
			client?.destroy();
		} catch {
			// never connected (Redis unreachable): nothing to close
		}
	}
	state.io = state.pub = state.sub = undefined;
}
