// HTTP load generator for the page benchmarks: keeps `connections` keep-alive requests in flight
// against one URL for `seconds`, then prints one JSON line: requests/s, latency percentiles,
// bytes per response, non-200 answers and its own event-loop delay (a generator that lags
// measures itself, not the server).
//
//   node bench/http-load.js <url> [connections=16] [seconds=10] [cookie]
import http from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const [url, connectionsArg = '16', secondsArg = '10', cookie] = process.argv.slice(2);
const connections = Number(connectionsArg);
const seconds = Number(secondsArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const target = new URL(url);
const headers = { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) };

function get() {
	return new Promise((resolve) => {
		const started = performance.now();
		const request = http.get(target, { agent, headers }, (response) => {
			let bytes = 0;
			response.on('data', (chunk) => (bytes += chunk.length));
			response.on('end', () =>
				resolve({ status: response.statusCode, bytes, ms: performance.now() - started })
			);
		});
		request.on('error', () => resolve({ status: 0, bytes: 0, ms: performance.now() - started }));
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
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const latencies = [];
let failures = 0;
let bytes = 0;
const end = performance.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
	Array.from({ length: connections }, async () => {
		while (performance.now() < end) {
			const result = await get();
			if (result.status !== 200) failures++;
			latencies.push(result.ms);
			bytes += result.bytes;
		}
	})
);
const elapsed = (performance.now() - started) / 1000;
loop.disable();
latencies.sort((a, b) => a - b);
console.log(
	JSON.stringify({
		requests: latencies.length,
		rps: latencies.length / elapsed,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
		failures,
		generatorLoopP99: loop.percentile(99) / 1e6
	})
);
agent.destroy();
