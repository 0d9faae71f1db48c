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
import { root, startDemoApp } from './lib.js';

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

/** Every page under load, one after another, against one app. */
async function measure(databaseUrl) {
	const app = await startDemoApp({
		seeds: ['bench/seed-long-meeting.ts'],
		core: 0,
		env: { OPENFLOOR_BENCH: '1' },
		databaseUrl
	});
	try {
		const rows = [];
		for (const [label, pathname] of pages) {
			const run = spawnSync(
				'taskset',
				[
					'-c',
					'1',
					process.execPath,
					'bench/http-load.js',
					app.base + pathname,
					String(connections),
					String(seconds)
				],
				{ cwd: root, encoding: 'utf8' }
			);
			if (run.status !== 0) throw new Error(`load on ${pathname} failed: ${run.stderr}`);
			rows.push({ label, pathname, ...JSON.parse(run.stdout.trim().split('\n').pop()) });
		}
		return rows;
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
	const rows = await measure(url);
	const baseline = rows[0].rps;
	console.log(
		`\n${name}: ${connections} connections, ${seconds} s per page, app on core 0, load on core 1\n`
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
