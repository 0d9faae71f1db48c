// HTTP load generator for the page benchmarks: keeps `connections` keep-alive requests in flight
// against one URL (or several, comma-separated, asked in rotation) for `seconds`, then prints one
// JSON line: requests/s, latency percentiles, bytes per response, non-200 answers, how many
// answers said `x-openfloor-cache: hit` or `miss` and how many a cache in front answered
// (bench/front-cache.js), the same per URL when there are several, and its own event-loop delay
// (a generator that lags measures itself, not the server). A line `{"warm":true}` comes first,
// when the one-second warm-up ends and the measurement begins.
//
//   node bench/http-load.js <url>[,<url>…] [connections=16] [seconds=10] [cookie]
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const [urls, connectionsArg = '16', secondsArg = '10', cookie] = process.argv.slice(2);
const connections = Number(connectionsArg);
const seconds = Number(secondsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const targets = urls.split(',').map((url) => new URL(url));
const headers = { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) };
let turn = 0;

function get() {
	const target = targets[turn++ % targets.length];
	return new Promise((resolve) => {
		const started = performance.now();
		const done = (status, bytes, cache) =>
			resolve({ target, status, bytes, cache, ms: performance.now() - started });
		const request = http.get(target, { agent, headers }, (response) => {
			let bytes = 0;
			response.on('data', (chunk) => (bytes += chunk.length));
			// nginx in front (bench/front-cache.js) says HIT, REVALIDATED… in its own header.
			const front = response.headers['x-cache-status']?.toLowerCase();
			const cache = front ? `front ${front}` : response.headers['x-openfloor-cache'];
			response.on('end', () => done(response.statusCode, bytes, cache));
		});
		request.on('error', () => done(0, 0));
	});
}

const percentile = (sorted, p) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

// Warm up (JIT, caches), then measure.
const warmUntil = performance.now() + 1000;
await Promise.all(
	Array.from({ length: connections }, async () => {
		while (performance.now() < warmUntil) await get();
	})
);
console.log(JSON.stringify({ warm: true }));
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const results = [];
const end = performance.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
	Array.from({ length: connections }, async () => {
		while (performance.now() < end) results.push(await get());
	})
);
const elapsed = (performance.now() - started) / 1000;
loop.disable();

/** Requests/s, latency percentiles, bytes, failures and cache answers of some results. */
function figures(of) {
	const latencies = of.map((r) => r.ms).sort((a, b) => a - b);
	const count = (test) => of.filter(test).length;
	return {
		requests: of.length,
		rps: of.length / elapsed,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		bytesPerResponse: of.length ? of.reduce((s, r) => s + r.bytes, 0) / of.length : 0,
		failures: count((r) => r.status !== 200),
		cacheHits: count((r) => r.cache === 'hit'),
		cacheMisses: count((r) => r.cache === 'miss'),
		frontHits: count((r) => r.cache === 'front hit')
	};
}
console.log(
	JSON.stringify({
		...figures(results),
		...(targets.length > 1
			? {
					byUrl: targets.map((t) => ({
						url: t.href,
						...figures(results.filter((r) => r.target === t))
					}))
				}
			: {}),
		generatorLoopP99: loop.percentile(99) / 1e6
	})
);
agent.destroy();
