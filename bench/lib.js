// What the benchmarks share: a built app, free ports, waiting for it, and the built app started
// on a fresh database with the demo story loaded.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { freePort, scratchDatabase } from './scratch.js';
import { chromiumFlags } from './chromium-flags.js';

export { freePort, scratchDatabase };

export const root = path.resolve(import.meta.dirname, '..');

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Builds the app when there is no build yet. */
export function ensureBuilt() {
	if (fs.existsSync(path.join(root, 'build/handler.js'))) return;
	console.log('Building…');
	spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
}

export async function waitFor(url) {
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not yet
		}
		await sleep(100);
	}
	throw new Error(`${url} did not answer`);
}

/** Stops a process and waits for it: SIGTERM, then SIGKILL if it is still busy after 5 s. */
export function stop(child) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** Runs a TypeScript script of the repository with tsx; throws when it fails. */
export function runScript(script, env, args = [], { quiet = false } = {}) {
	const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], {
		cwd: root,
		env,
		stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit']
	});
	if (result.status !== 0) throw new Error(`${script} failed`);
}

/** Runs a command, pinned to `core` (`taskset`) unless that is undefined. */
export function spawnOnCore(core, command, args, options) {
	return core === undefined
		? spawn(command, args, options)
		: spawn('taskset', ['-c', String(core), command, ...args], options);
}

/**
 * A node process pinned to a core, its stdout piped; `nice` lowers its priority (`nice -n`), so
 * that it takes only what the other processes on its core leave.
 */
export function pinned(core, args, env, stdin = 'ignore', { nice } = {}) {
	const command = [...(nice ? ['-n', String(nice), process.execPath] : []), ...args];
	return spawnOnCore(core, nice ? 'nice' : process.execPath, command, {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: [stdin, 'pipe', 'inherit']
	});
}

/** Resident memory (bytes) and CPU time (seconds) of a process, from /proc. */
export function processUsage(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const rss = Number(/VmRSS:\s+(\d+)/.exec(status)[1]) * 1024;
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	const ticks = 100; // clock ticks per second (USER_HZ) on Linux
	return { rss, cpu: (Number(stat[11]) + Number(stat[12])) / ticks };
}

/**
 * The built app on a fresh database (embedded, or a scratch PostgreSQL database on the server of
 * `databaseUrl`) with the demo story (unless `demo` is false) and any `seeds`, TypeScript
 * scripts run on the data folder before the app starts, optionally pinned to a core and with
 * options for node (`nodeArgs`). `sharedDatabase` instead runs it on that very PostgreSQL
 * database (another instance's `databaseUrl`: nothing is loaded, nothing dropped), and
 * `redisUrl` gives it Redis.
 */
export async function startDemoApp({
	seeds = [],
	core,
	env: extra = {},
	databaseUrl,
	sharedDatabase,
	redisUrl,
	demo = true,
	nodeArgs = []
} = {}) {
	ensureBuilt();
	const port = await freePort();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-'));
	const scratch =
		databaseUrl && !sharedDatabase
			? await scratchDatabase(databaseUrl, 'openfloor_bench')
			: undefined;
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		LOG_LEVEL: 'warn',
		// Its own address: without it adapter-node takes requests for https, and the app's origin
		// check refuses every form a browser posts to it over http (docs/deployment.md).
		ORIGIN: `http://127.0.0.1:${port}`,
		...extra
	};
	delete env.DATABASE_URL;
	delete env.REDIS_URL;
	if (scratch) env.DATABASE_URL = scratch.url;
	if (sharedDatabase) env.DATABASE_URL = sharedDatabase;
	if (redisUrl) env.REDIS_URL = redisUrl;
	const loads = sharedDatabase ? [] : [...(demo ? ['scripts/demo.ts'] : []), ...seeds];
	for (const script of loads) runScript(script, env);
	const args = [...nodeArgs, 'server.js'];
	const child = spawnOnCore(core, process.execPath, args, {
		cwd: root,
		env,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/healthz`);
	return {
		base,
		child,
		databaseUrl: env.DATABASE_URL,
		async stop() {
			await stop(child);
			fs.rmSync(dataDir, { recursive: true, force: true });
			await scratch?.drop();
		}
	};
}

/**
 * Debian's Chromium, headless, with its DevTools endpoint on a free port (for Playwright's
 * `connectOverCDP` and for Lighthouse), pinned to `core` unless that is undefined, on a throwaway
 * profile. Resolves with { port, endpoint, child, stop }.
 */
export async function startChromium({ core, args = [] } = {}) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-chromium-'));
	const port = await freePort();
	const child = spawnOnCore(
		core,
		'/usr/bin/chromium',
		[
			...chromiumFlags,
			'--disable-dev-shm-usage',
			`--user-data-dir=${profile}`,
			`--remote-debugging-port=${port}`,
			...args,
			'about:blank'
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const endpoint = await new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${seen}`)), 30_000);
		child.stderr.on('data', (chunk) => {
			seen += chunk;
			const ws = /DevTools listening on (ws:\/\/\S+)/.exec(seen)?.[1];
			if (ws) {
				clearTimeout(timer);
				resolve(ws);
			}
		});
		child.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${seen}`)));
	});
	child.stderr.resume(); // its later chatter is not read
	return {
		port,
		endpoint,
		child,
		async stop() {
			await stop(child);
			// Chromium's helper processes may still be writing to the profile for a moment: a
			// profile left behind in /tmp must not fail the run (or leave the app running).
			for (let attempt = 0; ; attempt++) {
				try {
					fs.rmSync(profile, { recursive: true, force: true });
					return;
				} catch (error) {
					if (attempt === 10) return console.error(`left ${profile}: ${error}`);
					await sleep(300);
				}
			}
		}
	};
}

/** A JSON API client that keeps the cookies it is given (a signed-in benchmark actor). */
export class Api {
	cookies = '';
	constructor(base) {
		this.base = base;
	}
	async call(method, pathname, body) {
		const response = await fetch(this.base + pathname, {
			method,
			headers: { 'content-type': 'application/json', cookie: this.cookies },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const set = response.headers.getSetCookie().map((c) => c.split(';')[0]);
		if (set.length) this.cookies = [this.cookies, ...set].filter(Boolean).join('; ');
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	}
}

/**
 * Takes a meeting live (`from` its state, draft or scheduled) as `officer` (an Api signed in as
 * its chair), optionally sets who may take part (`participation`, e.g. `open`), and has `count`
 * attendees ask a question each, as browsers do (the live page's data gives each its participant
 * token first). Returns what bench/live-load.js needs: { group, meeting, questions } (ids).
 */
export async function liveMeetingWithQuestions(
	officer,
	group,
	meeting,
	count,
	{ from = 'draft', participation } = {}
) {
	const states = ['draft', 'scheduled', 'live'];
	const address = `/api/v1/groups/${group}/meetings/${meeting}`;
	for (const state of states.slice(states.indexOf(from) + 1)) {
		await officer.call('PATCH', address, { state });
	}
	if (participation) await officer.call('POST', `${address}/participation`, { participation });
	const questions = [];
	for (let i = 0; i < count; i++) {
		const asker = new Api(officer.base);
		await asker.call('GET', `/g/${group}/meetings/${meeting}/live/__data.json`);
		const q = await asker.call('POST', `${address}/questions`, {
			text: `Benchmark question number ${i + 1}?`,
			anonymous: true
		});
		questions.push(q.id);
	}
	return { group, meeting, questions };
}

/**
 * Runs the live load generator (bench/live-load.js) on core 1. Attendees join in two halves;
 * `onJoined(count)` is awaited after each (the votes start after the second). Resolves with the
 * generator's figures.
 */
export function runLiveLoad(config, onJoined = async () => {}) {
	return new Promise((resolve, reject) => {
		const child = pinned(1, ['bench/live-load.js', JSON.stringify(config)], {}, 'pipe');
		const lines = readline.createInterface({ input: child.stdout });
		let last = null;
		lines.on('line', (line) => {
			const message = JSON.parse(line);
			if (message.joined === undefined) last = message;
			else onJoined(message.joined).then(() => child.stdin.write('go\n'), reject);
		});
		child.on('exit', (code) =>
			code === 0 ? resolve(last) : reject(new Error(`load exited ${code}`))
		);
	});
}

/**
 * The demo group's next (scheduled) meeting taken live by its chair, with ten questions asked by
 * attendees, under the demo's own rule: the room code (the questions are asked while it is open to
 * everyone, then the rule goes back). Returns { group, meeting, questions, roomCode, chair }
 * (`chair`: the signed-in Api).
 */
export async function demoMeetingLive(base) {
	const chair = new Api(base);
	await chair.call('POST', '/api/v1/session', {
		email: 'chair@harbour.example',
		password: 'demo-chair-passphrase'
	});
	const group = 'harbour';
	const { items } = await chair.call('GET', `/api/v1/groups/${group}/meetings`);
	const next = items.find((m) => m.state === 'scheduled');
	const live = await liveMeetingWithQuestions(chair, group, next.number, 10, {
		from: 'scheduled',
		participation: 'open'
	});
	const address = `/api/v1/groups/${group}/meetings/${next.number}`;
	await chair.call('POST', `${address}/participation`, { participation: 'room_code' });
	const { roomCode } = await chair.call('GET', `${address}/room-code`);
	if (!roomCode) throw new Error('the live meeting has no room code');
	return { ...live, roomCode, chair };
}
