// npm run bench:spike — a spike during a live meeting (issue 15): attendees voting in the live
// meeting of a group while anonymous readers load that group's just-published minutes, its
// ledger and its page as fast as they can.
//
// The built app runs with the demo story, pinned to core 0 (bench/lib.js startDemoApp). Signed
// in as the demo group's chair, the bench takes its next meeting live and has ten attendees ask a
// question each; then, for each phase, the live load generator (bench/live-load.js, on core 1)
// connects fresh attendees over socket.io who vote at a steady rate, and measures vote-to-visible
// latency (a vote sent → the first tally an observer receives that counts it). The readers
// (bench/http-load.js, on core 1 too, at a lower priority — `nice` — so that the live
// generator's measurement stays valid) keep their keep-alive connections busy, each asking the
// three pages in turn, with no cookies. Phases, on the same app and the same meeting:
//
//   A  live alone: the votes, no readers (the baseline);
//   R  readers alone: the readers, no votes;
//   B  live + readers: both at once, started together;
//   F  the same, the readers through the documented nginx configuration with its spike setting
//      (bench/front-cache.js: anonymous pages served 1 s without asking the app; nginx on core 1),
//      when nginx is installed.
//
// With DATABASE_URL, the same again on a scratch PostgreSQL database; with REDIS_URL as well, a
// further configuration: two instances on that database (Redis between them), the live one on
// core 0 taking the attendees and a reading one on core 1 taking the readers (no F). Prints a
// table (docs/performance.md) and a verdict against issue 15's targets per configuration.
//
// Options (environment): BENCH_SECONDS (per phase, default 15), BENCH_ATTENDEES (1000),
// BENCH_VOTES (votes/s overall, 50), BENCH_READERS (connections, 200), BENCH_READ_GROUP (whose
// pages the readers load: `harbour`, the live meeting's group, by default; `long` loads those of
// another group, bench/seed-long-meeting.ts), BENCH_ROUNDS (A, B and F measured n times in
// alternating order; the verdicts take medians), BENCH_FRONT_CACHE=0 (no F), BENCH_PHASES (a
// subset of RABF) and BENCH_PROF=<folder> (CPU profiles of the apps).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startFrontCache } from './front-cache.js';
import {
	Api,
	liveMeetingWithQuestions,
	pinned,
	processUsage,
	runLiveLoad,
	sleep,
	startDemoApp
} from './lib.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const attendees = Number(process.env.BENCH_ATTENDEES ?? 1000);
const votesPerSecond = Number(process.env.BENCH_VOTES ?? 50);
const readers = Number(process.env.BENCH_READERS ?? 200);
const readGroup = process.env.BENCH_READ_GROUP ?? 'harbour';
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1) || 1);
const targets = { ratio: 1.5, readersP99: 250 };
/** Which phases to run (e.g. `B` alone, for a profile). */
const chosenPhases = process.env.BENCH_PHASES ?? 'RABF';
/** BENCH_PROF=<folder>: each app writes a CPU profile there when it stops (`node --cpu-prof`). */
const nodeArgs = process.env.BENCH_PROF
	? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROF)}`]
	: [];
const frontCache = process.env.BENCH_FRONT_CACHE !== '0' && spawnSync('nginx', ['-v']).status === 0;

const liveGroup = 'harbour';
const chair = { email: 'chair@harbour.example', password: 'demo-chair-passphrase' };
/** What the paper links on the day: the latest published minutes, the ledger, the group. */
const readPages = {
	harbour: ['/g/harbour/meetings/3/minutes', '/g/harbour/ledger', '/g/harbour'],
	long: ['/g/long/meetings/1/minutes', '/g/long/ledger', '/g/long']
}[readGroup];
if (!readPages) throw new Error(`BENCH_READ_GROUP=${readGroup}: harbour or long`);
const appEnv = {
	PARTICIPANTS_PER_CLIENT_HOUR: '1000000',
	SECRET_KEY: `bench-${crypto.randomUUID()}`
};

/** The readers: resolves `warm` when their warm-up ends, `done` with their figures. */
function read(base) {
	const urls = readPages.map((p) => base + p).join(',');
	const child = pinned(
		1,
		['bench/http-load.js', urls, String(readers), String(seconds)],
		{},
		'ignore',
		{ nice: 10 }
	);
	const lines = readline.createInterface({ input: child.stdout });
	let warmed;
	const warm = new Promise((resolve) => (warmed = resolve));
	let last = null;
	lines.on('line', (line) => {
		const message = JSON.parse(line);
		if (message.warm) warmed();
		else last = message;
	});
	const done = new Promise((resolve, reject) =>
		child.on('exit', (code) =>
			code === 0 ? resolve(last) : reject(new Error(`readers exited ${code}`))
		)
	);
	return { warm, done };
}

/** CPU seconds used by the apps. */
const cpuOf = (pids) => pids.map((pid) => processUsage(pid).cpu).reduce((s, n) => s + n, 0);

/**
 * CPU seconds the whole machine spent busy (/proc/stat): beside the apps' and the generators',
 * other people's work on this shared machine, which the figures must be read against.
 */
function machineBusy() {
	const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const [user, nice, system, _idle, _iowait, irq, softirq, steal] = ticks.map(Number);
	return (user + nice + system + irq + softirq + steal) / 100; // USER_HZ
}

/**
 * One phase against a running configuration: the live votes, the readers, or both (the readers
 * warmed up while the attendees wait to vote, then both started together).
 */
async function phase(setup, { live, reading, front }) {
	const pids = setup.apps.map((a) => a.child.pid);
	let cpuBefore;
	let busyBefore;
	let startedAt;
	let readers;
	const begin = async () => {
		if (reading) {
			readers = read(front ? setup.front.base : setup.readBase);
			await readers.warm;
		}
		cpuBefore = cpuOf(pids);
		busyBefore = machineBusy();
		startedAt = performance.now();
	};
	let votes = null;
	if (live) {
		votes = await runLiveLoad(
			{ ...setup.meeting, urls: [setup.liveBase], attendees, votesPerSecond, seconds },
			async (joined) => {
				if (joined === attendees) await begin();
			}
		);
	} else await begin();
	const pages = reading ? await readers.done : null;
	const elapsed = (performance.now() - startedAt) / 1000;
	const cpu = (cpuOf(pids) - cpuBefore) / elapsed;
	return { votes, pages, cpu, busy: (machineBusy() - busyBefore) / elapsed };
}

/** A configuration: its app(s) started, the meeting taken live, each phase run, stopped. */
async function measure(name, start) {
	console.error(`${name}: starting…`);
	const setup = await start();
	try {
		const officer = new Api(setup.liveBase);
		await officer.call('POST', '/api/v1/session', chair);
		const { items } = await officer.call('GET', `/api/v1/groups/${liveGroup}/meetings`);
		const next = items.find((m) => m.state === 'scheduled');
		// Open to everyone in the hall (the demo's meeting asks for the room code).
		setup.meeting = await liveMeetingWithQuestions(officer, liveGroup, next.number, 10, {
			from: 'scheduled',
			participation: 'open'
		});
		await sleep(1000);
		const rows = [];
		const run = async (label, options) => {
			console.error(`${name}: ${label}…`);
			rows.push({ label, ...(await phase(setup, options)) });
		};
		const phases = {
			A: { live: true },
			B: { live: true, reading: true },
			F: { live: true, reading: true, front: true }
		};
		const order = ['A', 'B', ...(setup.front ? ['F'] : [])].filter((p) => chosenPhases.includes(p));
		for (let round = 1; round <= rounds; round++) {
			if (round === 1 && chosenPhases.includes('R')) await run('R', { reading: true });
			for (const which of round % 2 ? order : order.toReversed()) await run(which, phases[which]);
		}
		return { name, rows };
	} finally {
		await setup.front?.stop();
		await Promise.all(setup.apps.map((app) => app.stop()));
	}
}

const seeds = readGroup === 'long' ? ['bench/seed-long-meeting.ts'] : [];
/** One instance on core 0; with nginx on this machine, also the cache in front of it (core 1). */
const oneInstance = (databaseUrl) => async () => {
	const app = await startDemoApp({ core: 0, env: appEnv, databaseUrl, seeds, nodeArgs });
	try {
		const front = frontCache ? await startFrontCache(app.base, { core: 1 }) : undefined;
		return { apps: [app], front, liveBase: app.base, readBase: app.base };
	} catch (error) {
		await app.stop();
		throw error;
	}
};
const twoInstances = async () => {
	const redisUrl = process.env.REDIS_URL;
	const live = await startDemoApp({
		core: 0,
		env: appEnv,
		databaseUrl: process.env.DATABASE_URL,
		redisUrl,
		seeds,
		nodeArgs
	});
	try {
		const reading = await startDemoApp({
			core: 1,
			env: appEnv,
			sharedDatabase: live.databaseUrl,
			redisUrl,
			nodeArgs
		});
		return { apps: [reading, live], liveBase: live.base, readBase: reading.base };
	} catch (error) {
		await live.stop();
		throw error;
	}
};

const configurations = [
	['one instance, embedded database (PGlite), core 0', oneInstance()],
	...(process.env.DATABASE_URL
		? [['one instance, PostgreSQL, core 0', oneInstance(process.env.DATABASE_URL)]]
		: []),
	...(process.env.DATABASE_URL && process.env.REDIS_URL
		? [['two instances, PostgreSQL + Redis: live on core 0, reading on core 1', twoInstances]]
		: [])
];

const load = os.loadavg();
const results = [];
for (const [name, start] of configurations) results.push(await measure(name, start));

function median(values) {
	const sorted = values.filter((v) => typeof v === 'number').sort((x, y) => x - y);
	if (!sorted.length) return null;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const f = (n, digits = 1) =>
	n === null || n === undefined
		? '—'
		: Number(n).toLocaleString('en-GB', {
				minimumFractionDigits: digits,
				maximumFractionDigits: digits
			});
const verdict = (value, target) =>
	value === null || Number.isNaN(value) ? '—' : value <= target ? 'PASS' : 'MISS';

console.log(
	`\nA spike during a live meeting — ${os.cpus().length} cores (${os.cpus()[0].model}), Node ${process.version}; load average ${load.map((n) => n.toFixed(2)).join(' ')} before, ${os
		.loadavg()
		.map((n) => n.toFixed(2))
		.join(' ')} after`
);
console.log(
	`${attendees} attendees voting at ${votesPerSecond} votes/s in /g/${liveGroup}'s live meeting; ${readers} readers (keep-alive, no cookies) loading ${readPages.join(', ')} in turn; ${seconds} s per phase. A: live alone; R: readers alone; B: both; F: both, the readers through deploy/nginx/openfloor.conf with its spike setting (anonymous pages served 1 s without the app, core 1). Latencies in ms; CPU in cores (of 2), over the phase; cache: answers the app served from memory / the cache in front served.\n`
);
console.log(
	'| configuration | phase | votes/s | ack p99 | visible p50 | p95 | p99 | p99 vs A | readers req/s | p50 | p95 | p99 | cache: app / front | non-200 | app CPU | machine busy | generator loop p99 live / readers |'
);
console.log(
	'| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
);
const share = (n, of) => `${f((n / of) * 100, 0)} %`;
const verdicts = [];
for (const { name, rows } of results) {
	const a = median(rows.filter((r) => r.label === 'A').map((r) => r.votes.visibleP99)) ?? NaN;
	for (const { label, votes, pages, cpu, busy } of rows) {
		const cache = pages
			? `${share(pages.cacheHits, pages.requests)} / ${share(pages.frontHits, pages.requests)}`
			: '—';
		console.log(
			`| ${name} | ${label} | ${f(votes?.votesPerSecond)} | ${f(votes?.ackP99)} | ${f(votes?.visibleP50)} | ${f(votes?.visibleP95)} | ${f(votes?.visibleP99)} | ${votes ? f(votes.visibleP99 / a, 2) : '—'} | ${f(pages?.rps, 0)} | ${f(pages?.p50)} | ${f(pages?.p95)} | ${f(pages?.p99)} | ${cache} | ${pages ? pages.failures : '—'} | ${f(cpu, 2)} | ${f(busy, 2)} | ${f(votes?.loopP99)} / ${f(pages?.generatorLoopP99)} |`
		);
	}
	for (const label of ['B', 'F']) {
		const both = rows.filter((r) => r.label === label);
		if (!both.length) continue;
		const ratio = median(both.map((r) => r.votes.visibleP99)) / a;
		const readersP99 = median(both.map((r) => r.pages.p99));
		const lost = both.some((r) => r.votes.votesAccepted !== r.votes.votesSent);
		// As bench:live: a generator whose loop lagged more than 20 ms at p99 measured itself.
		const lagging = rows.filter(
			(r) => (r.label === 'A' || r.label === label) && r.votes.loopP99 > 20
		).length;
		verdicts.push(
			`${name}, ${label}: vote-to-visible p99 ${label}/A ${f(ratio, 2)} (target ≤ ${targets.ratio}) ${verdict(ratio, targets.ratio)}; readers' p99 during the votes ${f(readersP99)} ms (target ≤ ${targets.readersP99}) ${verdict(readersP99, targets.readersP99)}${lost ? '; SOME VOTES NOT ACCEPTED' : ''}${lagging ? `; NOT VALID: the live generator lagged > 20 ms at p99 in ${lagging} of these phases` : ''}`
		);
	}
}
for (const { name, rows } of results) {
	for (const { label, pages } of rows.filter((r) => r.pages?.byUrl)) {
		console.log(`\n${name}, phase ${label}, by page:`);
		for (const p of pages.byUrl) {
			console.log(
				`  ${new URL(p.url).pathname}: ${f(p.rps, 0)} req/s, p50 ${f(p.p50)}, p99 ${f(p.p99)} ms, cache ${share(p.cacheHits, p.requests)} / ${share(p.frontHits, p.requests)}, ${f(p.bytesPerResponse / 1024)} KB`
			);
		}
	}
}
console.log('');
for (const line of verdicts) console.log(line);
process.exit(0);
