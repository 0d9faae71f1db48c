// The cache in front for bench:spike: deploy/nginx/openfloor.conf as documented, with the spike
// setting docs/deployment.md offers (public pages served for `seconds` without asking the app;
// "@1" becomes "1"), nginx pinned to a core. Personal answers are never stored: the app marks
// them private, and the file bypasses the cache for session, participant and rooms cookies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeLocalConfig } from '../deploy/nginx/local-config.js';
import { freePort, spawnOnCore, stop, waitFor } from './lib.js';

export async function startFrontCache(upstream, { core, seconds = 1 } = {}) {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-nginx-'));
	const appPort = Number(new URL(upstream).port);
	const args = writeLocalConfig(dir, { port, appPort, freshSeconds: seconds, accessLog: false });
	const child = spawnOnCore(core, 'nginx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
	const base = `http://127.0.0.1:${port}`;
	await waitFor(`${base}/healthz`);
	return {
		base,
		child,
		async stop() {
			await stop(child);
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
