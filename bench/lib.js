// What the benchmarks share: a built app, free ports, waiting for it, and the built app started
// on a fresh database with the demo story loaded.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, scratchDatabase } from './scratch.js';

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

/**
 * The built app on a fresh database (embedded, or a scratch PostgreSQL database on the server of
 * `databaseUrl`) with the demo story (unless `demo` is false) and any `seeds`, TypeScript
 * scripts run on the data folder before the app starts, optionally pinned to a core and with
 * options for node (`nodeArgs`).
 */
export async function startDemoApp({
	seeds = [],
	core,
	env: extra = {},
	databaseUrl,
	demo = true,
	nodeArgs = []
} = {}) {
	ensureBuilt();
	const port = await freePort();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-'));
	const scratch = databaseUrl ? await scratchDatabase(databaseUrl, 'openfloor_bench') : undefined;
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		DATA_DIR: dataDir,
		LOG_LEVEL: 'warn',
		...extra
	};
	delete env.DATABASE_URL;
	delete env.REDIS_URL;
	if (scratch) env.DATABASE_URL = scratch.url;
	for (const script of [...(demo ? ['scripts/demo.ts'] : []), ...seeds]) runScript(script, env);
	const args = [...nodeArgs, 'server.js'];
	const child =
		core === undefined
			? spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
			: spawn('taskset', ['-c', String(core), process.execPath, ...args], {
					cwd: root,
					env,
					stdio: ['ignore', 'ignore', 'inherit']
				});
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/healthz`);
	return {
		base,
		child,
		async stop() {
			await stop(child);
			fs.rmSync(dataDir, { recursive: true, force: true });
			await scratch?.drop();
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
