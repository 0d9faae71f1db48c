import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, freePort, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { attendeeClient, joinLive, liveMeetingOnApp, type LiveClient } from '../fixtures/live-app';
import { waitFor } from '../fixtures/mail-server';
import { nginxBinary, startNginx, type RunningNginx } from '../fixtures/nginx';

/**
 * deploy/nginx/openfloor.conf, as docs/deployment.md gives it, in front of the built app: nginx
 * keeps the public pages and asks the app before serving each (a 304 while nothing changed), and
 * never keeps or serves from its cache anything personal. CI installs nginx (.ci/run); elsewhere,
 * without nginx, the suite is skipped and says so.
 */
const haveNginx = nginxBinary() !== null;
const ci = process.env.CI === 'true';
if (!haveNginx && !ci) {
	console.warn('reverse-proxy.test.ts: skipped, nginx is not installed (apt-get install nginx)');
}

/** A request through nginx; `cache` is nginx's X-Cache-Status. */
async function get(url: string, headers: Record<string, string> = {}) {
	const response = await fetch(url, { headers: { accept: 'text/html', ...headers } });
	return {
		status: response.status,
		cache: response.headers.get('x-cache-status'),
		control: response.headers.get('cache-control'),
		etag: response.headers.get('etag'),
		headers: response.headers,
		text: await response.text()
	};
}

for (const kind of databaseKinds) {
	describe.runIf(haveNginx || ci)(`nginx in front, as documented [${kind}]`, () => {
		let app: RunningApp;
		let nginx: RunningNginx;
		let chair: Client;
		let path = { group: '', meeting: 0 };
		const sockets: LiveClient[] = [];

		beforeAll(async () => {
			const port = await freePort();
			// As docs/deployment.md says to start the app behind nginx.
			app = await startAppOn(kind, {
				ORIGIN: `http://127.0.0.1:${port}`,
				ADDRESS_HEADER: 'x-forwarded-for',
				XFF_DEPTH: '1'
			});
			nginx = await startNginx({ port, appPort: app.port });
			// Everything, the writes included, goes through nginx.
			({ admin: chair, path } = await liveMeetingOnApp({ ...app, url: nginx.url }, `px-${kind}`));
			// 15 s after start-up the app signs the decision logs that grew (decision-log/
			// schedule.ts): a public change. The tests read a page twice and expect it unchanged,
			// so they begin once that has happened (asked of the app, not guessed from the clock:
			// under load it comes later).
			const latest = `${app.url}/api/v1/groups/${path.group}/checkpoints/latest.json`;
			await waitFor(async () => {
				if ((await fetch(latest)).status === 200) return true;
				await new Promise((r) => setTimeout(r, 250));
			}, 60_000);
		}, 90_000);
		afterAll(async () => {
			sockets.forEach((s) => s.disconnect());
			await nginx?.stop();
			await app?.stop();
		});

		/** nginx's log lines for a path: `method uri status cache-status upstream-status`. */
		const logged = (uri: string) => nginx.log().filter((line) => line.split(' ')[1] === uri);

		it('keeps a public page, revalidates it with the app at every request, and answers 304', async () => {
			const page = `/g/${path.group}`;
			const first = await get(nginx.url + page);
			expect(first.status).toBe(200);
			expect(first.cache).toBe('MISS');
			expect(first.control).toBe('public, max-age=0, must-revalidate');
			expect(first.headers.get('vary')).toBe('Accept-Encoding, Accept, Accept-Language, Cookie');
			// Compressed by nginx (fetch asks for gzip), its ETag weak for that: W/"…".
			expect(first.headers.get('content-encoding')).toBe('gzip');
			expect(first.etag).toMatch(/^W\/"/);
			// nginx's own instruction to itself stays between the two nginx servers.
			expect(first.headers.get('x-accel-expires')).toBeNull();
			const second = await get(nginx.url + page);
			// Served from nginx's copy, after the app said it had not changed.
			expect(second.cache).toBe('REVALIDATED');
			expect(second.text).toBe(first.text);
			expect(second.etag).toBe(first.etag);
			// nginx writes its log line after answering: wait for it.
			const line = `GET ${page} 200 REVALIDATED 304`;
			await waitFor(() => (logged(page).at(-1) === line ? true : undefined), 3000);
			// A reader who has the page gets a 304 from nginx.
			const again = await fetch(nginx.url + page, {
				headers: { accept: 'text/html', 'if-none-match': first.etag! }
			});
			expect(again.status).toBe(304);
			// SvelteKit's immutable files are fresh for a year: served without asking the app.
			// (The group's page has no script, and its styles are inline: a form page's script.)
			const form = (await get(nginx.url + '/login')).text;
			const assetPath = /\/_app\/immutable\/[^"']+\.js/.exec(form)![0];
			await get(nginx.url + assetPath);
			expect((await get(nginx.url + assetPath)).cache).toBe('HIT');
		});

		it('shows a public change at the next read', async () => {
			const list = `/g/${path.group}/meetings`;
			await get(nginx.url + list);
			const before = await get(nginx.url + list);
			expect(before.cache).toBe('REVALIDATED');
			expect(before.text).not.toContain('Through the proxy');
			const start = new Date(Date.now() + 86_400_000);
			const made = await chair.post(`/api/v1/groups/${path.group}/meetings`, {
				title: 'Through the proxy',
				startsAt: start.toISOString(),
				endsAt: new Date(start.getTime() + 3_600_000).toISOString()
			});
			expect(made.status).toBe(201);
			const scheduled = await chair.request(
				'PATCH',
				`/api/v1/groups/${path.group}/meetings/${made.json.number}`,
				{ state: 'scheduled' }
			);
			expect(scheduled.status).toBe(200);
			const after = await get(nginx.url + list);
			expect(after.cache).toBe('EXPIRED');
			expect(after.text).toContain('Through the proxy');
			expect((await get(nginx.url + list)).cache).toBe('REVALIDATED');

			// A question asked over the socket (through nginx) is in the open data straight away.
			const api = `/api/v1/groups/${path.group}/meetings/${path.meeting}/questions`;
			const questions = async () => {
				const response = await fetch(nginx.url + api);
				return (await response.json()) as { items: { text: string }[] };
			};
			await questions();
			expect((await questions()).items.some((q) => q.text.includes('cache in front'))).toBe(false);
			const { socket } = await joinLive(nginx.url, path, sockets);
			const asked = await socket.timeout(5000).emitWithAck('question:ask', {
				text: 'Who checks the cache in front?',
				anonymous: true
			});
			expect(asked.ok).toBe(true);
			expect((await questions()).items.some((q) => q.text.includes('cache in front'))).toBe(true);
		});

		it('with the spike setting, serves a public page a second without the app, never a personal one', async () => {
			// The one change docs/deployment.md offers for a spike: "@1" becomes "1".
			const spike = await startNginx({
				port: await freePort(),
				appPort: app.port,
				freshSeconds: 1
			});
			try {
				const page = `/g/${path.group}/meetings`;
				expect((await get(spike.url + page)).cache).toBe('MISS');
				const served = await get(spike.url + page);
				expect(served.cache).toBe('HIT'); // the app was not asked
				expect(served.control).toBe('public, max-age=0, must-revalidate');
				// Signed in: never from the cache, never into it.
				const cookie = [...chair.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
				const theirs = await get(spike.url + page, { cookie });
				expect(theirs.cache).toBe('BYPASS');
				expect(theirs.control).toBe('private, no-store');
				expect(theirs.text).toContain('Sign out');
				expect((await get(spike.url + page)).text).not.toContain('Sign out');
				// A change reaches readers once their copy is a second old (4 s allowed for a busy machine).
				const start = new Date(Date.now() + 86_400_000);
				const made = await chair.post(`/api/v1/groups/${path.group}/meetings`, {
					title: 'During the spike',
					startsAt: start.toISOString(),
					endsAt: new Date(start.getTime() + 3_600_000).toISOString()
				});
				await chair.request('PATCH', `/api/v1/groups/${path.group}/meetings/${made.json.number}`, {
					state: 'scheduled'
				});
				await waitFor(
					async () =>
						(await get(spike.url + page)).text.includes('During the spike') ? true : undefined,
					4000
				);
			} finally {
				await spike.stop();
			}
		});

		it('never serves a signed-in reader from the cache, nor keeps their page', async () => {
			const page = `/g/${path.group}`;
			await get(nginx.url + page);
			const signedIn = await chair.get(page, { accept: 'text/html' });
			expect(signedIn.headers.get('x-cache-status')).toBe('BYPASS');
			expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
			expect(signedIn.text).toContain('Sign out');
			expect((await get(nginx.url + page)).text).not.toContain('Sign out');
			// A page read first by the signed-in reader is not in the cache afterwards.
			const decisions = `/g/${path.group}/decisions`;
			expect((await chair.get(decisions, { accept: 'text/html' })).text).toContain('Sign out');
			const anonymous = await get(nginx.url + decisions);
			expect(anonymous.cache).toBe('MISS');
			expect(anonymous.text).not.toContain('Sign out');
		});

		it("never serves a participant's page from the cache, nor keeps it", async () => {
			const attendee = await attendeeClient(nginx.url, path);
			expect(attendee.cookies.has('participant')).toBe(true);
			const members = `/g/${path.group}/members`;
			const theirs = await attendee.get(members, { accept: 'text/html' });
			expect(theirs.status).toBe(200);
			expect(theirs.headers.get('x-cache-status')).toBe('BYPASS');
			expect(theirs.headers.get('cache-control')).toBe('private, no-store');
			expect((await get(nginx.url + members)).cache).toBe('MISS');
			// The rooms cookie (room codes typed at /join) makes a reader an attendee too.
			const withRooms = await get(nginx.url + members, { cookie: 'rooms=x' });
			expect(withRooms.cache).toBe('BYPASS');
			expect(withRooms.control).toBe('private, no-store');
		});

		it('keeps one copy per language, whether chosen by Accept-Language or the lang cookie', async () => {
			const page = `/g/${path.group}/ledger`;
			const html = (text: string) => /<html lang="(\w+)"/.exec(text)?.[1];
			for (const round of [1, 2]) {
				const arabic = await get(nginx.url + page, { 'accept-language': 'ar' });
				const english = await get(nginx.url + page, { 'accept-language': 'en' });
				const chosen = await get(nginx.url + page, { 'accept-language': 'en', cookie: 'lang=ar' });
				expect([html(arabic.text), html(english.text), html(chosen.text)]).toEqual([
					'ar',
					'en',
					'ar'
				]);
				const expected = round === 1 ? 'MISS' : 'REVALIDATED';
				expect([arabic.cache, english.cache, chosen.cache]).toEqual([expected, expected, expected]);
			}
		});

		it('carries socket.io through, as a websocket and by long-polling', async () => {
			const viaWebsocket = await joinLive(nginx.url, path, sockets);
			expect(viaWebsocket.socket.io.engine.transport.name).toBe('websocket');
			expect(viaWebsocket.snapshot.meeting).toBeTruthy();
			const viaPolling = await joinLive(nginx.url, path, sockets, undefined, 'polling');
			expect(viaPolling.socket.io.engine.transport.name).toBe('polling');
			// An event from one reaches the other through the app.
			const changed = new Promise((resolve) => viaPolling.socket.once('question:changed', resolve));
			const asked = await viaWebsocket.socket.timeout(5000).emitWithAck('question:ask', {
				text: 'Does the proxy carry this across?',
				anonymous: true
			});
			expect(asked.ok).toBe(true);
			expect(await changed).toMatchObject({
				question: { text: 'Does the proxy carry this across?' }
			});
		});
	});
}
