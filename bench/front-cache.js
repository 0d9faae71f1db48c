// A cache in front of the app for bench:spike: nginx, one worker, pinned to a core, keeping
// anonymous answers for `seconds` (a "micro-cache") and passing everything else through.
//
// The app marks pages kept for anonymous readers `public, max-age=0, must-revalidate`
// (docs/caching.md): a cache honouring that asks the app again on every request and saves it
// nothing but the body. To take readers off the app, this one ignores the app's Cache-Control
// and keeps a 200 for `seconds` — so a change reaches readers up to that long later. Requests
// with a cookie (signed in, or a participant) are never answered from it or stored; the key
// has what the app's `Vary` names (Accept, Accept-Language). One request per page fills it at a
// time (`proxy_cache_lock`), and an expired page is served while it is fetched again
// (`proxy_cache_use_stale updating`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnOnCore, stop, waitFor } from './lib.js';

export async function startFrontCache(upstream, { core, seconds = 1 } = {}) {
	const port = await freePort();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-bench-nginx-'));
	const { host } = new URL(upstream);
	fs.writeFileSync(
		path.join(dir, 'nginx.conf'),
		`user ${os.userInfo().username};
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path ${dir}/body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	proxy_cache_path ${dir}/cache keys_zone=pages:10m max_size=64m inactive=60s;
	upstream app { server ${host}; keepalive 64; }
	map $http_upgrade $connection_upgrade { default upgrade; '' ''; }
	server {
		listen 127.0.0.1:${port};
		location / {
			proxy_pass http://app;
			proxy_http_version 1.1;
			proxy_set_header Host $host;
			proxy_set_header Upgrade $http_upgrade;
			proxy_set_header Connection $connection_upgrade;
			proxy_cache pages;
			proxy_cache_key "$request_method $request_uri $http_accept $http_accept_language";
			proxy_cache_valid 200 ${seconds}s;
			proxy_ignore_headers Cache-Control Expires;
			proxy_cache_bypass $http_cookie;
			proxy_no_cache $http_cookie;
			proxy_cache_lock on;
			proxy_cache_use_stale updating;
			proxy_cache_background_update on;
			add_header x-front-cache $upstream_cache_status;
		}
	}
}
`
	);
	const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'];
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
