import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, freePort, startApp, type RunningApp } from '../fixtures/app';
import {
	joinLive,
	liveMeetingOnApp,
	type LiveClient,
	type MeetingPath
} from '../fixtures/live-app';

/**
 * R3 (issue 16, docs/reliability.md): PostgreSQL stops for 10 s under the app. The app stays up,
 * every write in that window gets an error (never a false "ok"), nothing written then appears
 * later, and service resumes by itself once the database is back. It needs a PostgreSQL of its
 * own to stop (the other suites share one): a throwaway cluster made with the server's initdb,
 * run as the `postgres` user. Runs wherever DATABASE_URL is set (CI sets it).
 */
const bin = fs.existsSync('/usr/lib/postgresql')
	? path.join('/usr/lib/postgresql', fs.readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin')
	: undefined;
const asPostgres = (command: string, args: string[]) =>
	execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin!, command), ...args], {
		stdio: 'pipe'
	});

describe.runIf(process.env.DATABASE_URL)('R3: PostgreSQL stopped for 10 s', () => {
	let dir: string;
	let port: number;
	let app: RunningApp;
	let route: MeetingPath;
	const sockets: LiveClient[] = [];
	const pgCtl = (action: 'start' | 'stop') =>
		action === 'start'
			? asPostgres('pg_ctl', [
					'-D',
					path.join(dir, 'data'),
					'-o',
					`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
					'-l',
					path.join(dir, 'log'),
					'-w',
					'start'
				])
			: asPostgres('pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);

	beforeAll(async () => {
		expect(bin, 'a PostgreSQL server installed under /usr/lib/postgresql').toBeDefined();
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-r3-'));
		execFileSync('chown', ['postgres', dir]);
		asPostgres('initdb', ['-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
		port = await freePort();
		pgCtl('start');
		app = await startApp({
			env: {
				DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
				ADDRESS_HEADER: 'x-forwarded-for'
			}
		});
		({ path: route } = await liveMeetingOnApp(app, 'r3'));
	});

	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await app?.stop();
		try {
			pgCtl('stop');
		} catch {
			// already stopped
		}
		fs.rmSync(dir, { recursive: true, force: true });
	});

	let serial = 0;
	/** A write that must be acknowledged only if kept: a sign-up, from a client of its own. */
	const signUp = async () => {
		const email = `r3-${++serial}@outage.test`;
		const answer = await new Client(app.url)
			.post(
				'/api/v1/users',
				{ email, password: 'outage test passphrase', displayName: `R3 ${serial}` },
				{ 'x-forwarded-for': `10.3.${serial % 250}.1` }
			)
			.catch(() => ({ status: 0 }));
		return { email, status: answer.status };
	};
	const ask = async () =>
		new Client(app.url)
			.post(`/api/v1/groups/${route.group}/meetings/${route.meeting}/questions`, {
				text: `Asked during the outage ${++serial}?`,
				anonymous: true
			})
			.catch(() => ({ status: 0 }));

	it('stays up, refuses every write while it is gone, and resumes by itself', async () => {
		expect((await signUp()).status).toBe(201);
		const { socket } = await joinLive(app.url, route, sockets);
		const socketAcks: string[] = [];
		pgCtl('stop');
		const stopped = Date.now();
		const during: { email: string; status: number }[] = [];
		const asked: number[] = [];
		while (Date.now() - stopped < 10_000) {
			during.push(await signUp());
			asked.push((await ask()).status);
			const ack = await socket
				.timeout(5000)
				.emitWithAck('question:ask', { text: 'Asked over the socket meanwhile?', anonymous: true })
				.catch(() => undefined);
			socketAcks.push(ack && !ack.ok ? ack.error.code : String(ack?.ok));
			const health = await fetch(`${app.url}/healthz`);
			expect(health.status).toBe(503);
			await new Promise((r) => setTimeout(r, 500));
		}
		expect(app.process.exitCode).toBeNull(); // still running
		expect(app.process.signalCode).toBeNull();
		expect(during.length).toBeGreaterThan(2);
		// Never a false "ok": every write in the window was refused, as unavailable (503, try again),
		// not as an internal error.
		for (const d of during) expect(d.status, d.email).toBe(503);
		for (const status of asked) expect(status).toBe(503);
		expect(socketAcks.length).toBeGreaterThan(0);
		for (const ack of socketAcks) expect(ack).toBe('unavailable');
		expect(app.output()).not.toMatch(/unexpected error/);

		pgCtl('start');
		const back = Date.now();
		let resumed: number | undefined;
		while (Date.now() - back < 30_000) {
			if ((await signUp()).status === 201) {
				resumed = Date.now() - back;
				break;
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		expect(resumed, 'writes succeed again once PostgreSQL is back').toBeDefined();
		expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
		// Nothing refused in the window was kept: none of those accounts can sign in.
		for (const d of during) {
			const signIn = await new Client(app.url).post(
				'/api/v1/session',
				{ email: d.email, password: 'outage test passphrase' },
				{ 'x-forwarded-for': `10.4.${++serial % 250}.1` }
			);
			expect(signIn.status, d.email).toBe(400);
		}
		console.log(
			`R3: ${during.length} sign-ups and ${asked.length} questions refused while PostgreSQL was ` +
				`down (statuses ${[...new Set([...during.map((d) => d.status), ...asked])].join(', ')}); ` +
				`writes resumed ${resumed} ms after it was back`
		);
	});
});
