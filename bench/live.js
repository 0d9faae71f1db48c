// npm run bench:live — live Q&A under load, against the built app, beside a bare socket.io server.
//
// For each load point: start the app (taskset core 0) on a fresh embedded database (or, for the
// two-instance point, two apps on PostgreSQL + Redis), set up a live meeting through the JSON
// API, then run the load generator (bench/live-load.js: a coordinator and LOAD_WORKERS worker
// processes, default 4, all on core 1) against it. Prints the figures of
// docs/performance.md. A point where the load generator's own event loop lagged more than 20 ms
// at p99 is marked invalid: its latencies measure the generator, not the server.
//
// Options (environment): BENCH_POINTS=quick (200 attendees) or quick-two (300 attendees, two
// instances) for a short smoke run, or a list of the full points to run, e.g. BENCH_POINTS=2000x2
// (attendees, and x instances; default: all). DATABASE_URL enables the one-instance points on
// PostgreSQL (2000pg, 5000pg), and with REDIS_URL the two-instance point.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	Api,
	ensureBuilt,
	liveMeetingWithQuestions,
	pinned,
	processUsage,
	runLiveLoad,
	runScript,
	scratchDatabase,
	sleep,
	stop,
	waitFor
} from './lib.js';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const chosen = process.env.BENCH_POINTS ?? '';
const quick = chosen.startsWith('quick');
const seconds = quick ? 4 : 10;
const questionsPerMeeting = 10;
const password = 'bench admin passphrase';

const postgres = !!process.env.DATABASE_URL;
const twoInstances = postgres && !!process.env.REDIS_URL;
const allPoints = [
	{ attendees: 1000, votesPerSecond: 50 },
	{ attendees: 2000, votesPerSecond: 200 },
	{ attendees: 5000, votesPerSecond: 200 },
	...(postgres
		? [
				{ attendees: 2000, votesPerSecond: 200, postgres: true },
				{ attendees: 5000, votesPerSecond: 200, postgres: true }
			]
		: []),
	...(twoInstances ? [{ attendees: 2000, votesPerSecond: 200, instances: 2, postgres: true }] : [])
];
const named = (point) =>
	`${point.attendees}${point.instances ? `x${point.instances}` : point.postgres ? 'pg' : ''}`;
const points = quick
	? [
			chosen === 'quick-two'
				? { attendees: 300, votesPerSecond: 50, instances: 2, postgres: true }
				: { attendees: 200, votesPerSecond: 50 }
		]
	: chosen
		? allPoints.filter((point) => chosen.split(',').includes(named(point)))
		: allPoints;
if (!points.length) {
	console.error(`BENCH_POINTS=${chosen}: choose among ${allPoints.map(named).join(', ')}`);
	process.exit(1);
}

ensureBuilt();

let nextPort = 4800;

/**
 * A measured server: SIGUSR2 makes it collect its garbage (bench/gc-on-signal.js). With
 * BENCH_PROF=<folder>, each writes a CPU profile there when it stops (`node --cpu-prof`).
 */
const profile = process.env.BENCH_PROF;
const collectable = (script) => [
	'--expose-gc',
	...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : []),
	'--import',
	'./bench/gc-on-signal.js',
	script
];

/**
 * Stops a process and waits for it: SIGTERM (the app stops taking events and drains those it has
 * before closing its database), then SIGKILL if it is still busy after 20 s.
 */
/** The site administrator the benchmark acts as (created on the apps' database). */
function createAdmin(env) {
	runScript(
		'scripts/admin-create.ts',
		env,
		['--email', 'bench@openfloor.test', '--password', password],
		{
			quiet: true
		}
	);
}

const benchSecret = `bench-${crypto.randomUUID()}`;

async function startApps(count, env) {
	const apps = [];
	for (let i = 0; i < count; i++) {
		const port = nextPort++;
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-'));
		const appEnv = {
			PORT: String(port),
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			LOG_LEVEL: 'warn',
			// Every instance verifies the tokens any of them issued; the whole hall is one address.
			SECRET_KEY: benchSecret,
			PARTICIPANTS_PER_CLIENT_HOUR: '1000000',
			...env
		};
		if (i === 0 && !env.DATABASE_URL) createAdmin({ ...process.env, ...appEnv });
		const child = pinned(0, collectable('server.js'), appEnv);
		child.stdout.resume();
		const url = `http://127.0.0.1:${port}`;
		await waitFor(`${url}/healthz`);
		apps.push({ child, url });
	}
	if (env.DATABASE_URL) createAdmin({ ...process.env, ...env });
	return apps;
}

async function liveMeeting(url) {
	const admin = new Api(url);
	await admin.call('POST', '/api/v1/session', { email: 'bench@openfloor.test', password });
	const slug = `bench-${Date.now().toString(36)}`;
	await admin.call('POST', '/api/v1/groups', {
		slug,
		name: 'Benchmark group',
		institution: 'Benchmark Police',
		purpose: 'Load.',
		membershipOpen: true
	});
	await admin.call('POST', `/api/v1/groups/${slug}/roles`, {
		email: 'bench@openfloor.test',
		role: 'chair'
	});
	const start = new Date(Date.now() + 3_600_000);
	const meeting = await admin.call('POST', `/api/v1/groups/${slug}/meetings`, {
		title: 'Benchmark meeting',
		startsAt: start.toISOString(),
		endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
		location: 'Hall',
		participation: 'open'
	});
	return liveMeetingWithQuestions(admin, slug, meeting.number, questionsPerMeeting);
}

const totalRss = (pids) => pids.map(processUsage).reduce((s, u) => s + u.rss, 0);

/**
 * Memory of the servers after a full garbage collection in each (bench/gc-on-signal.js):
 * resident memory, and the JavaScript heap in use.
 */
async function collected(pids) {
	const files = pids.map((pid) => path.join(os.tmpdir(), `openfloor-bench-memory-${pid}.json`));
	for (const file of files) fs.rmSync(file, { force: true });
	for (const pid of pids) process.kill(pid, 'SIGUSR2');
	await sleep(1500);
	const heaps = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')).heapUsed);
	for (const file of files) fs.rmSync(file, { force: true });
	return { rss: totalRss(pids), heap: heaps.reduce((s, n) => s + n, 0) };
}

/**
 * Memory: resident memory once every attendee has joined, as it is (garbage of the joins
 * included) and its peak while the votes run, over the attendees; and what one more attendee
 * costs: the growth of resident memory, each time after a full collection, from half the
 * attendees joined to all of them, over the second half (the servers' fixed costs, such as the
 * heap growing to its working size, are not counted against the attendees).
 */
async function measure(point, target) {
	const before = target.pids.map(processUsage);
	const idleRss = before.reduce((s, u) => s + u.rss, 0);
	let joinedRss = null;
	const samples = []; // { attendees, rss, heap } after collections, at half and at all
	const load = runLiveLoad(
		{ ...point, ...target.meeting, urls: target.urls, seconds },
		async (attendees) => {
			await sleep(300);
			if (attendees === point.attendees) joinedRss = totalRss(target.pids);
			samples.push({ attendees, ...(await collected(target.pids)) });
		}
	);
	let peak = idleRss;
	const sampler = setInterval(() => {
		try {
			peak = Math.max(peak, totalRss(target.pids));
		} catch {
			// process gone
		}
	}, 200);
	const result = await load;
	clearInterval(sampler);
	const after = target.pids.map(processUsage);
	const cpu = after.reduce((s, u, i) => s + u.cpu - before[i].cpu, 0);
	const [half, all] = samples;
	const added = all.attendees - half.attendees;
	return {
		...result,
		rssPerAttendee: (joinedRss - idleRss) / point.attendees,
		marginalRssPerAttendee: (all.rss - half.rss) / added,
		marginalHeapPerAttendee: (all.heap - half.heap) / added,
		peakRssPerAttendee: (peak - idleRss) / point.attendees,
		serverCpuSeconds: cpu
	};
}

/** Our app(s) under one load point: fresh database, measured, stopped. */
async function measureOurs(point, instances) {
	let db;
	let env = {};
	if (point.postgres) {
		db = await scratchDatabase(process.env.DATABASE_URL, 'openfloor_bench');
		env = { DATABASE_URL: db.url, ...(instances > 1 ? { REDIS_URL: process.env.REDIS_URL } : {}) };
	}
	const apps = await startApps(instances, env);
	const meeting = await liveMeeting(apps[0].url);
	await sleep(1000);
	const ours = await measure(point, {
		pids: apps.map((a) => a.child.pid),
		urls: apps.map((a) => a.url),
		meeting
	});
	await Promise.all(apps.map((app) => stop(app.child)));
	await db?.drop();
	const exact =
		Object.values(ours.finalCounts).reduce((s, n) => s + n, 0) === ours.votesAccepted &&
		ours.votesAccepted === ours.votesSent;
	return { ...ours, exact };
}

/** The bare socket.io server under the same load point. */
async function measureBare(point) {
	const port = nextPort++;
	const bare = pinned(0, [...collectable('bench/bare-server.js'), String(port)], {});
	bare.stdout.resume();
	await waitFor(`http://127.0.0.1:${port}/healthz`);
	// Ids shaped like the app's (UUIDs), so the tallies weigh the same.
	const questions = Array.from({ length: questionsPerMeeting }, () => crypto.randomUUID());
	const baseline = await measure(point, {
		pids: [bare.pid],
		urls: [`http://127.0.0.1:${port}`],
		meeting: { group: 'bare', meeting: 1, questions }
	});
	await stop(bare);
	return baseline;
}

/**
 * BENCH_ROUNDS=n measures each point n times, ours and bare alternating (ours first in odd
 * rounds, bare first in even ones), and adds a row of medians: this machine's speed drifts by
 * more than most differences measured, and a round compares ours with bare under the same drift.
 */
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1) || 1);
const rows = [];
for (const point of points) {
	const instances = point.instances ?? 1;
	const measured = [];
	for (let round = 1; round <= rounds; round++) {
		let ours;
		let baseline;
		if (round % 2 === 1) {
			ours = await measureOurs(point, instances);
			baseline = await measureBare(point);
		} else {
			baseline = await measureBare(point);
			ours = await measureOurs(point, instances);
		}
		measured.push({ ours, baseline });
		rows.push({
			point: { ...point, instances },
			label: rounds > 1 ? `${round}` : '',
			ours,
			baseline
		});
		await sleep(1000);
	}
	if (rounds > 1)
		rows.push({ point: { ...point, instances }, label: 'median', ...medians(measured) });
}

function median(values) {
	const sorted = values.filter((v) => typeof v === 'number').sort((x, y) => x - y);
	if (!sorted.length) return undefined;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Each figure's median over the rounds (ratios: the median of each round's own ratio). */
function medians(measured) {
	const of = (side) => {
		const out = { ...measured[0][side] };
		for (const key of Object.keys(out)) {
			if (typeof out[key] === 'number') out[key] = median(measured.map((m) => m[side][key]));
		}
		return out;
	};
	return {
		ours: { ...of('ours'), exact: measured.every((m) => m.ours.exact) },
		baseline: of('baseline'),
		ratio: median(measured.map((m) => m.ours.visibleP99 / m.baseline.visibleP99))
	};
}

const f = (n, digits = 1) => (n === null || n === undefined ? '—' : Number(n).toFixed(digits));
console.log(
	`\nLive Q&A benchmark — ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}, ${seconds} s per point`
);
console.log(
	'server on core 0, load generator on core 1; latencies in ms; RSS in KB per attendee\n'
);
console.log(
	[
		'attendees',
		...(rounds > 1 ? ['round'] : []),
		'database',
		'inst',
		'votes/s',
		'ack p50',
		'ack p99',
		'bare ack p99',
		'visible p50',
		'p95',
		'p99',
		'bare p99',
		'ratio p99',
		'KB/att',
		'bare KB/att',
		'KB/added att',
		'bare added',
		'heap KB/added att',
		'bare heap added',
		'peak KB/att',
		'bare peak',
		'cpu s',
		'exact',
		'valid',
		'generator'
	].join('\t')
);
for (const { point, label, ours, baseline, ratio } of rows) {
	const valid = ours.loopP99 <= 20 && baseline.loopP99 <= 20;
	console.log(
		[
			ours.attendees,
			...(rounds > 1 ? [label] : []),
			point.postgres ? 'postgres' : 'pglite',
			point.instances,
			f(ours.votesPerSecond),
			f(ours.ackP50),
			f(ours.ackP99),
			f(baseline.ackP99),
			f(ours.visibleP50),
			f(ours.visibleP95),
			f(ours.visibleP99),
			f(baseline.visibleP99),
			f(ratio ?? ours.visibleP99 / baseline.visibleP99, 2),
			f(ours.rssPerAttendee / 1024),
			f(baseline.rssPerAttendee / 1024),
			f(ours.marginalRssPerAttendee / 1024),
			f(baseline.marginalRssPerAttendee / 1024),
			f(ours.marginalHeapPerAttendee / 1024),
			f(baseline.marginalHeapPerAttendee / 1024),
			f(ours.peakRssPerAttendee / 1024),
			f(baseline.peakRssPerAttendee / 1024),
			f(ours.serverCpuSeconds),
			ours.exact ? 'yes' : 'NO',
			valid ? 'yes' : `NO (load loop p99 ${f(Math.max(ours.loopP99, baseline.loopP99))} ms)`,
			label === 'median'
				? `medians of ${rounds} rounds`
				: `${ours.workers} workers, loop p99 ${ours.loopP99s.join('/')} (bare ${baseline.loopP99s.join('/')}) ms`
		].join('\t')
	);
	if (ours.unseen) console.log(`  (${ours.unseen} vote/observer pairs never saw the vote)`);
}
process.exit(0);
