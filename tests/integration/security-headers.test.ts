import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Client, type RunningApp } from '../fixtures/app';
import { liveMeetingOnApp, type MeetingPath } from '../fixtures/live-app';

/** The live page's early-socket script, as the server puts it in the page. */
const earlySocketScript = readFileSync('src/lib/realtime/early-socket-head.js', 'utf8');
const hashOf = (script: string) =>
	`'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null) {
	expect(header).toBeTruthy();
	return Object.fromEntries(
		header!.split(';').map((part) => {
			const [name, ...values] = part.trim().split(/\s+/);
			return [name, values];
		})
	);
}

/**
 * The audit (issue 16, item 2): no Content-Security-Policy, no frame-ancestors or X-Frame-Options,
 * no HSTS; the moderation and sign-in pages could be framed by any site.
 */
describe('security headers on the built app', () => {
	let app: RunningApp;
	let path: MeetingPath;
	let chair: Client;

	beforeAll(async () => {
		app = await startApp();
		({ admin: chair, path } = await liveMeetingOnApp(app, 'headers'));
	});

	afterAll(async () => {
		await app?.stop();
	});

	it('gives every page a CSP: scripts by nonce (and one by hash) alone, no framing, nothing from elsewhere', async () => {
		const meeting = `/g/${path.group}/meetings/${path.meeting}`;
		const cookie = [...chair.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		for (const page of [
			'/signup',
			'/login',
			`${meeting}/moderate`,
			`${meeting}/live`,
			'/no-such-page'
		]) {
			const response = await fetch(app.url + page, { headers: { cookie } });
			expect([200, 404], page).toContain(response.status);
			const csp = directives(response.headers.get('content-security-policy'));
			expect(csp['script-src'], page).toContain("'self'");
			expect(
				csp['script-src'].some((s: string) => /^'nonce-[\w+/=]{16,}'$/.test(s)),
				page
			).toBe(true);
			expect(csp['script-src'], page).not.toContain("'unsafe-inline'");
			expect(csp['script-src'], page).not.toContain("'unsafe-eval'");
			expect(csp['default-src'], page).toEqual(["'self'"]);
			expect(csp['object-src'], page).toEqual(["'none'"]);
			expect(csp['base-uri'], page).toEqual(["'self'"]);
			expect(csp['frame-ancestors'], page).toEqual(["'none'"]);
			expect(response.headers.get('x-frame-options'), page).toBe('DENY');
			// The page's own inline start-up script carries the nonce the header allows; the live
			// page's early-socket script, the one other, is allowed by its hash.
			const html = await response.text();
			const nonce = csp['script-src'].find((s: string) => s.startsWith("'nonce-"))!.slice(7, -1);
			for (const [, tag, content] of html.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
				if (/\bsrc=/.test(tag)) continue;
				if (tag.includes('nonce=')) expect(tag, page).toContain(`nonce="${nonce}"`);
				else expect(csp['script-src'], page).toContain(hashOf(content));
			}
			if (page.endsWith('/live')) expect(html, page).toContain(earlySocketScript);
			expect(response.headers.get('strict-transport-security'), page).toBeNull(); // plain http
		}
		// Each page gets its own nonce.
		const nonces = new Set<string>();
		for (let i = 0; i < 3; i++) {
			const header = (await fetch(app.url + '/login')).headers.get('content-security-policy')!;
			nonces.add(/'nonce-([^']+)'/.exec(header)![1]);
		}
		expect(nonces.size).toBe(3);
		// A reading page has no script at all (`csr = false`): its policy allows none inline but the
		// early-socket script (the same on every page: Kit's policy is the site's).
		const home = await fetch(app.url + '/');
		const homePolicy = directives(home.headers.get('content-security-policy'));
		expect(homePolicy['script-src']).toEqual(["'self'", hashOf(earlySocketScript)]);
		expect(await home.text()).not.toContain('<script');
	});

	it('names every answer by a request id of its own (X-Request-Id), as its log lines do', async () => {
		const ids = new Set<string | null>();
		for (const page of ['/', '/healthz', '/api/v1/groups', '/no-such-page']) {
			ids.add((await fetch(app.url + page)).headers.get('x-request-id'));
		}
		expect(ids.size).toBe(4);
		for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('lets this origin alone frame the projector screen', async () => {
		const response = await fetch(`${app.url}/g/${path.group}/meetings/${path.meeting}/screen`);
		expect(response.status).toBe(200);
		const csp = directives(response.headers.get('content-security-policy'));
		expect(csp['frame-ancestors']).toEqual(["'self'"]);
		expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
	});

	it('tells browsers to keep to HTTPS when ORIGIN is https', async () => {
		const secure = await startApp({
			env: { ORIGIN: 'https://openfloor.example', LOG_FORMAT: 'json', LOG_LEVEL: 'info' }
		});
		try {
			const response = await fetch(`${secure.url}/healthz`);
			expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
			const page = await fetch(`${secure.url}/`);
			expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000');
			// LOG_FORMAT=json: every line the app wrote is one JSON object.
			const lines = secure.output().trim().split('\n');
			expect(lines.length).toBeGreaterThan(0);
			for (const line of lines) expect(JSON.parse(line)).toHaveProperty('level');
		} finally {
			await secure.stop();
		}
	});
});
