// deploy/nginx/openfloor.conf made runnable on one machine without root, for the tests
// (tests/fixtures/nginx.ts) and bench:spike: the documented file, changed only where a test
// machine must differ (its port, the app's address, the socket and cache under a folder of its
// own) and, when asked, with the spike setting docs/deployment.md offers: public pages served for
// `freshSeconds` without asking the app, one request at a time asking again. Each change must find its text in the file,
// so the documented configuration and what is tested never drift apart.
import fs from 'node:fs';
import path from 'node:path';

export const documentedConfig = path.join(import.meta.dirname, 'openfloor.conf');

/** The map line that says how long nginx may serve a public page without asking ("@1": never). */
export const freshnessLine = '~*max-age=0(?![0-9]) "@1";';

/** The lines the spike setting uncomments in the public server. */
const spikeLines = [
	'proxy_cache_lock on;',
	'proxy_cache_use_stale updating;',
	'proxy_cache_background_update on;'
];

/** The documented file's TLS lines, commented out there. */
const tlsLines = {
	listen: '#   listen 443 ssl http2;',
	certificate: '#   ssl_certificate     /etc/letsencrypt/live/crg.example.org/fullchain.pem;',
	key: '#   ssl_certificate_key /etc/letsencrypt/live/crg.example.org/privkey.pem;'
};

/** @param {string} text @param {string} from @param {string} to */
function substitute(text, from, to) {
	if (!text.includes(from)) throw new Error(`${documentedConfig} no longer contains "${from}"`);
	return text.replaceAll(from, to);
}

/**
 * Writes `nginx.conf` (and the site file it includes) into `dir`; start nginx with
 * `-p <dir>/ -c <dir>/nginx.conf -g 'daemon off;'` (the arguments returned). `accessLog`: one
 * line per request, `method uri status cache-status upstream-status`. `tls`: the public server
 * on HTTPS and HTTP/2 instead of plain HTTP, with the documented TLS lines and this certificate
 * (bench:slow, as a phone reaches a real deployment).
 * @param {string} dir
 * @param {{ port: number, appPort: number, freshSeconds?: number, accessLog?: boolean, tls?: { certificate: string, key: string } }} options
 * @returns {string[]}
 */
export function writeLocalConfig(dir, { port, appPort, freshSeconds = 0, accessLog = true, tls }) {
	fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
	let site = fs.readFileSync(documentedConfig, 'utf8');
	site = substitute(site, 'server 127.0.0.1:3000;', `server 127.0.0.1:${appPort};`);
	if (tls) {
		site = substitute(site, 'listen 80;', '');
		site = substitute(site, tlsLines.listen, `listen 127.0.0.1:${port} ssl http2;`);
		site = substitute(site, tlsLines.certificate, `ssl_certificate ${tls.certificate};`);
		site = substitute(site, tlsLines.key, `ssl_certificate_key ${tls.key};`);
	} else {
		site = substitute(site, 'listen 80;', `listen 127.0.0.1:${port};`);
	}
	site = substitute(site, 'unix:/run/openfloor-nginx.sock', `unix:${dir}/openfloor-nginx.sock`);
	site = substitute(site, '/var/cache/nginx/openfloor', `${dir}/cache`);
	if (freshSeconds > 0) {
		site = substitute(site, freshnessLine, freshnessLine.replace('"@1"', `"${freshSeconds}"`));
		for (const line of spikeLines) site = substitute(site, `# ${line} # spike setting`, line);
	}
	fs.writeFileSync(path.join(dir, 'openfloor.conf'), site);
	const temp = (/** @type {string} */ name) => `${name}_temp_path ${dir}/${name};`;
	const log = accessLog
		? `log_format test '$request_method $request_uri $status $upstream_cache_status $upstream_status';
			access_log ${dir}/access.log test;`
		: 'access_log off;';
	fs.writeFileSync(
		path.join(dir, 'nginx.conf'),
		`
		${process.getuid?.() === 0 ? 'user root;' : ''}
		pid ${dir}/nginx.pid;
		error_log ${dir}/error.log warn;
		worker_processes 1;
		events { worker_connections 4096; }
		http {
			${log}
			${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n')}
			include ${dir}/openfloor.conf;
		}`
	);
	return ['-p', `${dir}/`, '-c', `${dir}/nginx.conf`, '-g', 'daemon off;'];
}
