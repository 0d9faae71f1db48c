// npm run bench:pages — server-rendered requests per second for the public pages people read
// after a meeting, side by side with the smallest page the app serves (the site's layout and an
// h1: `/bench/baseline`) on the same server, as the baseline.
//
// The built app runs on core 0 with the demo story plus a long meeting (eight agenda items,
// 80 questions and about 5,000 words of published minutes: bench/seed-long-meeting.ts); the load
// generator (bench/http-load.js: keep-alive connections, each with one request in flight) runs
// on core 1. With DATABASE_URL set, the same again on a scratch PostgreSQL database.
// Options (environment): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 16).
import { spawnSync } from 'node:child_process';
import { Api, root, startDemoApp } from './lib.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

const pages = [
	['baseline (layout only)', '/bench/baseline'],
	['group home', '/g/harbour'],
	['minutes, demo meeting 3', '/g/harbour/meetings/3/minutes'],
	['minutes, long meeting (5,000 words, 80 questions)', '/g/long/meetings/1/minutes'],
	['minutes diff, demo meeting 1 (v1 → v2)', '/g/harbour/meetings/1/minutes?from=1&to=2'],
	['ledger (demo)', '/g/harbour/ledger'],
	['ledger (long meeting)', '/g/long/ledger'],
	['search “custody”', '/search?q=custody'],
	['meeting page, demo meeting 3', '/g/harbour/meetings/3'],
	['Atom feed', '/g/harbour/feed.xml']
];

/** Every page under load, one after another, as one reader (`cookie`: a signed-in one). */
function loadEach(base, cookie) {
	const rows = [];
	for (const [label, pathname] of pages) {
		const run = spawnSync(
			'taskset',
			[
				'-c',
				'1',
				process.execPath,
				'bench/http-load.js',
				base + pathname,
				String(connections),
				String(seconds),
				...(cookie ? [cookie] : [])
			],
			{ cwd: root, encoding: 'utf8' }
		);
		if (run.status !== 0) throw new Error(`load on ${pathname} failed: ${run.stderr}`);
		rows.push({ label, pathname, ...JSON.parse(run.stdout.trim().split('\n').pop()) });
	}
	return rows;
}

/**
 * Every page under load against one app: read anonymously (kept pages), then signed in as the
 * group's chair (rendered every time, with the most to show: an officer's controls).
 */
async function measure(databaseUrl) {
	const app = await startDemoApp({
		seeds: ['bench/seed-long-meeting.ts'],
		core: 0,
		env: { OPENFLOOR_BENCH: '1' },
		databaseUrl
	});
	try {
		const anonymous = loadEach(app.base);
		const chair = new Api(app.base);
		await chair.call('POST', '/api/v1/session', {
			email: 'chair@harbour.example',
			password: 'demo-chair-passphrase'
		});
		return { anonymous, 'signed in (the chair)': loadEach(app.base, chair.cookies) };
	} finally {
		await app.stop();
	}
}

const fmt = (n, digits = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: digits });
const databases = [
	['embedded (PGlite)', undefined],
	...(process.env.DATABASE_URL ? [['PostgreSQL', process.env.DATABASE_URL]] : [])
];
for (const [name, url] of databases) {
	for (const [reader, rows] of Object.entries(await measure(url))) {
		table(`${name}, ${reader}`, rows);
	}
}

/** One table, each page against the baseline read the same way. */
function table(title, rows) {
	const baseline = rows[0].rps;
	console.log(
		`\n${title}: ${connections} connections, ${seconds} s per page, app on core 0, load on core 1\n`
	);
	console.log(
		'| page | path | requests/s | vs baseline | p50 ms | p99 ms | HTML KB | non-200 | generator loop p99 ms |'
	);
	console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of rows) {
		console.log(
			`| ${r.label} | \`${r.pathname}\` | ${fmt(r.rps, 0)} | ${fmt(r.rps / baseline, 2)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.bytesPerResponse / 1024)} | ${r.failures} | ${fmt(r.generatorLoopP99)} |`
		);
	}
}
