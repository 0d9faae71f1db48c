// npm run bench:notify — publishing minutes for a group with 5,000 followers (issue 14 §3): the
// publishing request's latency against a group with 10 followers (the baseline, same run), the
// time until a real SMTP server has received all 5,000 emails, and the app's memory meanwhile.
//
// A real SMTP server (bench/smtp-sink.js: `smtp-server`, counting what it accepts and when the
// first and the last message arrived) runs pinned to core 1; the built app runs pinned to core 0
// with SMTP_URL pointing at it, on a fresh embedded database seeded by bench/seed-followers.ts
// (groups `few` and `many`, with 10 and BENCH_FOLLOWERS confirmed followers, closed meetings
// whose minutes drafts are ready, and a chair) — and with DATABASE_URL set, again on a scratch
// PostgreSQL database. Signed in as the chair through the JSON API, it then:
//
// 1. publishes one meeting of `few` as a warm-up, and waits for its emails;
// 2. **drain**: for each group, publishes one meeting and waits until the SMTP server has every
//    follower's email, sampling the app's resident memory (/proc/<pid>/status VmRSS) every
//    100 ms from 2 s before to 2 s after, and its memory after a full garbage collection before
//    and after (the app runs with bench/gc-on-signal.js), its CPU time (/proc/<pid>/stat), and
//    how long another visitor's reads of a group (`GET /api/v1/groups/few`, one at a time)
//    take before and meanwhile;
// 3. **latency**: publishes BENCH_PUBLISHES meetings of `few`, one request at a time with
//    nothing else running (the baseline); then one of `many`, and BENCH_PUBLISHES more of
//    `many` one request at a time, each while the fan-out of the one before (and the sending)
//    runs in the background — the realistic worst case. Those emails are not waited for: the
//    app is stopped after the last request.
//
// Options (environment): BENCH_FOLLOWERS (default 5000), BENCH_PUBLISHES (default 30),
// BENCH_DRAIN_TIMEOUT (seconds, default 600).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Api, root, sleep, startDemoApp, stop } from './lib.js';

const followers = Number(process.env.BENCH_FOLLOWERS ?? 5000);
const smallFollowers = 10;
const publishes = Number(process.env.BENCH_PUBLISHES ?? 30);
const drainTimeoutMs = Number(process.env.BENCH_DRAIN_TIMEOUT ?? 600) * 1000;
const chair = { email: 'chair@bench.openfloor.test', password: 'bench chair passphrase' };
const ticksPerSecond = 100; // USER_HZ on Linux

/** The bench's SMTP server, pinned to core 1, driven over IPC. */
async function startSink() {
	const child = spawn('taskset', ['-c', '1', process.execPath, 'bench/smtp-sink.js'], {
		cwd: root,
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const waiting = [];
	child.on('message', (message) => waiting.shift()?.(message));
	const next = () => new Promise((resolve) => waiting.push(resolve));
	const { ready: port } = await next();
	const ask = (command) => {
		const answer = next();
		child.send(command);
		return answer;
	};
	return {
		url: `smtp://127.0.0.1:${port}`,
		stats: async () => (await ask('stats')).stats,
		reset: () => ask('reset'),
		stop: () => stop(child)
	};
}

/** The app's resident memory (KB) and CPU time (s) so far, from /proc. */
function rssKb(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/^VmRSS:\s+(\d+)/m.exec(status)[1]);
}
function cpuSeconds(pid) {
	// Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/**
 * The app's memory after a full garbage collection (bench/gc-on-signal.js, SIGUSR2): what it
 * keeps, without the garbage of the moment. KB.
 */
async function collected(pid) {
	const file = path.join(os.tmpdir(), `openfloor-bench-memory-${pid}.json`);
	fs.rmSync(file, { force: true });
	process.kill(pid, 'SIGUSR2');
	for (let i = 0; i < 100 && !fs.existsSync(file); i++) await sleep(50);
	await sleep(50);
	const usage = JSON.parse(fs.readFileSync(file, 'utf8'));
	fs.rmSync(file, { force: true });
	return { rssKb: usage.rss / 1024, heapKb: usage.heapUsed / 1024 };
}

/** Samples the app's memory every 100 ms until stopped. */
function sampleMemory(pid) {
	const samples = [];
	const take = () => samples.push({ at: performance.now(), kb: rssKb(pid) });
	take();
	const timer = setInterval(take, 100);
	return {
		samples,
		stop() {
			clearInterval(timer);
			take();
			return samples;
		}
	};
}

class NotifyApi extends Api {
	/** Publishes a meeting's minutes; returns the request's duration (ms) and when it ended. */
	async publish(slug, number) {
		const started = performance.now();
		await this.call('POST', `/api/v1/groups/${slug}/meetings/${number}/minutes/publish`, {});
		const ended = performance.now();
		return { ms: ended - started, ended };
	}
}

/** Waits until the SMTP server has accepted `count` messages since its last reset. */
async function received(sink, count, timeoutMs = drainTimeoutMs) {
	const deadline = performance.now() + timeoutMs;
	for (;;) {
		const stats = await sink.stats();
		if (stats.count >= count || performance.now() > deadline) return stats;
		await sleep(50);
	}
}

/**
 * Another visitor meanwhile: reads a group (`GET /api/v1/groups/few`, signed out, a few
 * queries) one request at a time, 50 ms apart, until stopped; each read's end and duration.
 */
function probeReads(base) {
	const reads = [];
	let running = true;
	const done = (async () => {
		while (running) {
			const started = performance.now();
			const response = await fetch(`${base}/api/v1/groups/few`);
			await response.arrayBuffer();
			if (!response.ok) throw new Error(`group read: ${response.status}`);
			reads.push({ at: performance.now(), ms: performance.now() - started });
			await sleep(50);
		}
	})();
	return {
		async stop() {
			running = false;
			await done;
			return reads;
		}
	};
}

/**
 * One publication whose emails are all awaited: seconds from the response to the first and to
 * the last message, messages per second over that span, memory and CPU around it, and how long
 * another visitor's reads took before and meanwhile.
 */
async function drain(api, sink, pid, slug, number, expected) {
	await sink.reset();
	const before = await collected(pid);
	const memory = sampleMemory(pid);
	const probe = probeReads(api.base);
	await sleep(2000);
	const baselineKb = median(memory.samples.map((s) => s.kb));
	const cpuBefore = cpuSeconds(pid);
	const publishStarted = performance.now();
	const publish = await api.publish(slug, number);
	const responded = performance.timeOrigin + publish.ended;
	const stats = await received(sink, expected);
	const drained = performance.now();
	const cpu = cpuSeconds(pid) - cpuBefore;
	const reads = await probe.stop();
	await sleep(2000);
	const samples = memory.stop();
	const peakKb = Math.max(...samples.map((s) => s.kb));
	const after = await collected(pid);
	return {
		slug,
		expected,
		count: stats.count,
		connections: stats.connections,
		kbPerMessage: stats.count ? stats.bytes / stats.count / 1024 : 0,
		publishMs: publish.ms,
		firstS: stats.first === null ? NaN : (stats.first - responded) / 1000,
		lastS: stats.last === null ? NaN : (stats.last - responded) / 1000,
		perSecond: stats.last === null ? NaN : stats.count / ((stats.last - responded) / 1000),
		cpu,
		baselineKb,
		peakKb,
		retainedKb: after.rssKb - before.rssKb,
		heapRetainedKb: after.heapKb - before.heapKb,
		readsBefore: summary(reads.filter((r) => r.at < publishStarted).map((r) => r.ms)),
		readsDuring: summary(
			reads.filter((r) => r.at > publish.ended && r.at <= drained).map((r) => r.ms)
		)
	};
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const summary = (times) => {
	const sorted = [...times].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: quantile(sorted, 0.5),
		p95: quantile(sorted, 0.95),
		max: sorted.at(-1)
	};
};

async function measure(sink, databaseUrl) {
	const app = await startDemoApp({
		demo: false,
		seeds: ['bench/seed-followers.ts'],
		core: 0,
		// SIGUSR2: a full garbage collection, then memory written to a file (never in production).
		nodeArgs: ['--expose-gc', '--import', './bench/gc-on-signal.js'],
		env: {
			SMTP_URL: sink.url,
			BENCH_FOLLOWERS: String(followers),
			BENCH_SMALL_FOLLOWERS: String(smallFollowers),
			// `few`: warm-up, drain, baseline; `many`: drain, one to start, the measured series.
			BENCH_MEETINGS: String(publishes + 2)
		},
		databaseUrl
	});
	const pid = app.child.pid;
	try {
		if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'node') {
			throw new Error(`process ${pid} is not the app`);
		}
		const api = new NotifyApi(app.base);
		await api.call('POST', '/api/v1/session', chair);
		const next = { few: 1, many: 1 };
		const meeting = (slug) => next[slug]++;

		// 1. Warm-up: one small publication, whose emails are awaited.
		await sink.reset();
		await api.publish('few', meeting('few'));
		await received(sink, smallFollowers);

		// 2. One publication of each group, every email awaited.
		const drains = [
			await drain(api, sink, pid, 'few', meeting('few'), smallFollowers),
			await drain(api, sink, pid, 'many', meeting('many'), followers)
		];

		// 3. Latency: the baseline with nothing else running; then the large group's, one after
		// another, each while the previous one's fan-out (and the sending) runs — the first of
		// them, with nothing running yet, is not counted.
		await sink.reset();
		const quiet = [];
		for (let i = 0; i < publishes; i++) quiet.push((await api.publish('few', meeting('few'))).ms);
		await received(sink, smallFollowers * publishes);
		await sink.reset();
		await api.publish('many', meeting('many'));
		const busy = [];
		const cpuBefore = cpuSeconds(pid);
		const started = performance.now();
		for (let i = 0; i < publishes; i++) busy.push((await api.publish('many', meeting('many'))).ms);
		const busySeconds = (performance.now() - started) / 1000;
		const busyCpu = cpuSeconds(pid) - cpuBefore;
		const sentMeanwhile = (await sink.stats()).count;
		return {
			drains,
			latency: [
				{
					label: `${smallFollowers} followers, nothing else running (baseline)`,
					...summary(quiet)
				},
				{
					label: `${followers.toLocaleString('en-GB')} followers, during the fan-out of those before`,
					...summary(busy)
				}
			],
			busySeconds,
			busyCpu,
			sentMeanwhile
		};
	} finally {
		await app.stop();
	}
}

const fmt = (n, digits = 1) =>
	Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits }) : '–';
const databases = [
	['embedded (PGlite)', undefined],
	...(process.env.DATABASE_URL ? [['PostgreSQL', process.env.DATABASE_URL]] : [])
];
const sink = await startSink();
try {
	for (const [name, url] of databases) {
		const { drains, latency, busySeconds, busyCpu, sentMeanwhile } = await measure(sink, url);
		console.log(`\n${name}: app on core 0, SMTP server on core 1\n`);
		console.log(
			'| one publication | publish ms | emails received | SMTP connections | first email s | last email s | emails/s | app CPU s | RSS before MB | peak MB | peak − before MB | kept after GC MB (heap) | group read before p50 ms | meanwhile p50 / p95 / max ms |'
		);
		console.log(
			'| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
		);
		for (const d of drains) {
			console.log(
				`| ${d.slug === 'few' ? smallFollowers : fmt(d.expected, 0)} followers | ${fmt(d.publishMs)} | ${fmt(d.count, 0)}${d.count < d.expected ? ' (timed out)' : ''} | ${fmt(d.connections, 0)} | ${fmt(d.firstS, 2)} | ${fmt(d.lastS, 2)} | ${fmt(d.perSecond, 0)} | ${fmt(d.cpu)} | ${fmt(d.baselineKb / 1024)} | ${fmt(d.peakKb / 1024)} | ${fmt((d.peakKb - d.baselineKb) / 1024)} | ${fmt(d.retainedKb / 1024)} (${fmt(d.heapRetainedKb / 1024)}) | ${fmt(d.readsBefore.p50)} | ${fmt(d.readsDuring.p50)} / ${fmt(d.readsDuring.p95)} / ${fmt(d.readsDuring.max)} (${d.readsDuring.n}) |`
			);
		}
		console.log(
			`\nEmails of ${fmt(drains[1].kbPerMessage)} KB each. Latency of publishing, one request at a time (ms):\n`
		);
		const baseline = latency[0];
		console.log('| publications | n | p50 | p95 | max | p50 vs baseline | p95 vs baseline |');
		console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
		for (const r of latency) {
			console.log(
				`| ${r.label} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${fmt(r.p50 / baseline.p50, 2)} | ${fmt(r.p95 / baseline.p95, 2)} |`
			);
		}
		console.log(
			`\nThe ${fmt(followers, 0)}-follower series took ${fmt(busySeconds)} s, app CPU ${fmt(busyCpu)} s; the SMTP server received ${fmt(sentMeanwhile, 0)} emails meanwhile.`
		);
	}
} finally {
	await sink.stop();
}
