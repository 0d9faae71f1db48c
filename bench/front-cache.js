// The cache in front for bench:spike: deploy/nginx/openfloor.conf as documented, with the spike
// setting docs/deployment.md offers (public pages served for `seconds` without asking the app;
// "@1" becomes "1"), nginx pinned to a core. Personal answers are never stored: the app marks
// them private, and the file bypasses the cache for session, participant and rooms cookies.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { writeLocalConfig } from '../deploy/nginx/local-config.js';
import { freePort, sleep, spawnOnCore, startDemoApp, stop, waitFor } from './lib.js';

/**
 * `tls`: HTTPS and HTTP/2, with a self-signed certificate made here for 127.0.0.1 (a browser
 * needs `--ignore-certificate-errors`); `port`: chosen beforehand (the app's ORIGIN names it).
 */
export async function startFrontCache(upstream, { core, seconds = 1, tls = false, port } = {}) {
	port ??= await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-nginx-'));
	const appPort = Number(new URL(upstream).port);
	const certificate = tls ? selfSigned(dir) : undefined;
	const args = writeLocalConfig(dir, {
		port,
		appPort,
		freshSeconds: seconds,
		accessLog: false,
		tls: certificate
	});
	const child = spawnOnCore(core, 'nginx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
	const base = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
	await (tls ? listening(port) : waitFor(`${base}/healthz`));
	return {
		base,
		child,
		async stop() {
			await stop(child);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** A certificate for 127.0.0.1, valid a day, made with the openssl command. */
function selfSigned(dir) {
	const certificate = path.join(dir, 'cert.pem');
	const key = path.join(dir, 'key.pem');
	const made = spawnSync('openssl', [
		'req',
		'-x509',
		'-newkey',
		'ec',
		'-pkeyopt',
		'ec_paramgen_curve:prime256v1',
		'-nodes',
		'-days',
		'1',
		'-subj',
		'/CN=127.0.0.1',
		'-addext',
		'subjectAltName=IP:127.0.0.1',
		'-keyout',
		key,
		'-out',
		certificate
	]);
	if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
	return { certificate, key };
}

/** Resolves once something accepts connections on the port. */
async function listening(port) {
	for (let i = 0; i < 300; i++) {
		const open = await new Promise((resolve) => {
			const socket = net.connect(port, '127.0.0.1', () => {
				socket.end();
				resolve(true);
			});
			socket.on('error', () => resolve(false));
		});
		if (open) return;
		await sleep(100);
	}
	throw new Error(`nothing listens on ${port}`);
}

/**
 * The demo app as a browser reaches it (bench:slow, bench:lighthouse): by Node directly (`node`,
 * HTTP/1.1, pages uncompressed), or (`nginx`) behind deploy/nginx/openfloor.conf as a real
 * deployment serves it: HTTPS and HTTP/2, pages compressed. `base` is where the browser goes
 * (give Chromium `chromiumArgs`); the bench's own set-up talks to `app.base` directly.
 */
export async function startDemoSite(via, { core = 0, env = {} } = {}) {
	const frontPort = via === 'nginx' ? await freePort() : undefined;
	const app = await startDemoApp({
		core,
		// Behind nginx, the app's address is nginx's (docs/deployment.md).
		env: { ...env, ...(frontPort ? { ORIGIN: `https://127.0.0.1:${frontPort}` } : {}) }
	});
	const front = frontPort
		? await startFrontCache(app.base, { core, seconds: 0, tls: true, port: frontPort })
		: undefined;
	return {
		app,
		base: front?.base ?? app.base,
		chromiumArgs: front ? ['--ignore-certificate-errors'] : [],
		served:
			via === 'nginx'
				? 'behind nginx (HTTPS, HTTP/2, gzip, the documented file)'
				: 'served by Node directly (HTTP/1.1, pages uncompressed)',
		async stop() {
			await front?.stop();
			await app.stop();
		}
	};
}

/** BENCH_VIA: `nginx`, or `node` (the default). */
export const benchVia = () => (process.env.BENCH_VIA === 'nginx' ? 'nginx' : 'node');
