import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this instance (docs/operations.md). Off unless METRICS_TOKEN is set: then
 * every function here returns at once, so the domain may call them on every vote or query.
 * Labels are few and bounded (a route's id, never its path; no user, address or question).
 */
function createMetrics() {
	const registry = new Registry();
	const metrics = { countConnections: () => 0 };
	collectDefaultMetrics({ register: registry, prefix: 'openfloor_' });
	return Object.assign(metrics, {
		registry,
		requests: new Histogram({
			name: 'openfloor_http_request_duration_seconds',
			help: 'Time to answer an HTTP request, by SvelteKit route id (or "unmatched"), method and status class',
			labelNames: ['route', 'method', 'status'] as const,
			buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
			registers: [registry]
		}),
		connections: new Gauge({
			name: 'openfloor_socket_connections',
			help: 'Open socket.io connections to this instance',
			registers: [registry],
			collect() {
				this.set(metrics.countConnections());
			}
		}),
		votes: new Counter({
			name: 'openfloor_votes_total',
			help: 'Votes accepted by this instance (new votes written, by socket, form or API; repeats and votes taken back are not counted)',
			registers: [registry]
		}),
		tallies: new Histogram({
			name: 'openfloor_tally_broadcast_duration_seconds',
			help: "Time from reading a tally's counts from the database to handing the broadcast to socket.io",
			buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
			registers: [registry]
		}),
		queries: new Histogram({
			name: 'openfloor_db_query_duration_seconds',
			help: 'Time of each statement the app sends through drizzle, from sending to its result, waits for a connection (PostgreSQL) or for the embedded database included; in a transaction each statement, not the begin and commit the drivers send',
			buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
			registers: [registry]
		})
	});
}
type Metrics = ReturnType<typeof createMetrics>;

// One set per process: it survives dev-server reloads (a metric registered twice throws).
const holder = globalThis as { openfloorMetrics?: { token: Buffer; metrics: Metrics } };

// Digests of equal length, so the comparison tells nothing, not even the token's length.
const digest = (text: string) => createHash('sha256').update(text).digest();

/** Turns metrics on (at start-up, when METRICS_TOKEN is set). */
export function enableMetrics(token: string) {
	holder.openfloorMetrics ??= { token: digest(token), metrics: createMetrics() };
}

const on = () => holder.openfloorMetrics?.metrics;

/** Whether `authorization` is `Bearer <METRICS_TOKEN>`, compared in constant time. */
export function isMetricsScraper(authorization: string | null): boolean {
	const token = holder.openfloorMetrics?.token;
	if (!token || !authorization?.startsWith('Bearer ')) return false;
	return timingSafeEqual(digest(authorization.slice('Bearer '.length)), token);
}

/** The scrape: the text and its content type, or undefined when metrics are off. */
export async function readMetrics() {
	const metrics = on();
	if (!metrics) return undefined;
	return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Starts timing a request; the function returned records it once answered. */
export function timeRequest(
	method: string
): ((route: string | null, status: number) => void) | undefined {
	const metrics = on();
	if (!metrics) return undefined;
	const end = metrics.requests.startTimer();
	const known = methods.has(method) ? method : 'other';
	return (route, status) =>
		end({ route: route ?? 'unmatched', method: known, status: `${Math.floor(status / 100)}xx` });
}

/** Where the number of open connections is read, at each scrape (realtime/attach.ts). */
export function watchConnections(count: () => number) {
	const metrics = on();
	if (metrics) metrics.countConnections = count;
}

export function countVote() {
	on()?.votes.inc();
}

/** Times a tally from reading its counts to its broadcast. */
export async function timeTally<T>(run: () => Promise<T>): Promise<T> {
	const end = on()?.tallies.startTimer();
	try {
		return await run();
	} finally {
		end?.();
	}
}

/** Times one database statement: `start` sends it. */
export function timeQuery<T>(start: () => Promise<T>): Promise<T> {
	const metrics = on();
	if (!metrics) return start();
	const end = metrics.queries.startTimer();
	return start().finally(end);
}
