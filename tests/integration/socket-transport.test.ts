import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../fixtures/app';
import { joinLive, liveMeetingOnApp, type LiveClient } from '../fixtures/live-app';

type Answer = { status: number; body: string } | { error: string };

/** One raw HTTP request on a connection of its own; never rejects, gives up after `ms`. */
function send(
	base: string,
	options: {
		method?: string;
		path: string;
		headers?: Record<string, string>;
		body?: Uint8Array | string;
	},
	ms = 2000
) {
	return new Promise<Answer>((resolve) => {
		const request = http.request(
			base + options.path,
			{ method: options.method ?? 'GET', headers: options.headers, agent: false },
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode!, body }));
				res.on('error', (error) => resolve({ error: error.message }));
			}
		);
		request.setTimeout(ms, () => request.destroy(new Error('timeout')));
		request.on('error', (error) => resolve({ error: error.message }));
		request.end(options.body);
	});
}

const polling = '/socket.io/?EIO=4&transport=polling';
const statusOf = (answer: Answer) => ('status' in answer ? answer.status : answer.error);

/** Opens an engine.io session over long-polling, as socket.io-client's first request does. */
async function handshake(base: string, headers: Record<string, string> = {}) {
	const answer = await send(base, { path: polling, headers });
	if (!('status' in answer) || answer.status !== 200) throw new Error(JSON.stringify(answer));
	return JSON.parse(answer.body.slice(1)).sid as string;
}

describe('socket.io answers its own path alone, and no request stops the app [pglite]', () => {
	let app: RunningApp;
	const sockets: LiveClient[] = [];

	beforeAll(async () => {
		app = await startApp();
	});

	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await app?.stop();
	});

	async function expectServing() {
		expect(app.process.exitCode).toBeNull();
		expect(statusOf(await send(app.url, { path: '/healthz' }))).toBe(200);
	}

	it('answers the two cookie-less requests that used to stop the process (issue 12), then keeps serving', async () => {
		const sid = await handshake(app.url);
		const post = await send(app.url, {
			method: 'POST',
			path: `${polling}&sid=${sid}`,
			headers: { 'content-type': 'text/plain;charset=UTF-8' },
			body: '40/live,'
		});
		expect(post).toEqual({ status: 200, body: 'ok' });
		// socket.io, and only socket.io, took the packet: the namespace answers the connect.
		const poll = await send(app.url, { path: `${polling}&sid=${sid}` });
		expect('status' in poll && poll.body).toMatch(/^40\/live,\{"sid":/);
		await expectServing();
		expect(app.output()).not.toContain('ERR_HTTP_HEADERS_SENT');
	});

	it('refuses a page of another site, over long-polling as over websockets', async () => {
		const evil = { origin: 'https://evil.example' };
		expect(statusOf(await send(app.url, { path: polling, headers: evil }))).toBe(400);
		const sid = await handshake(app.url); // a session opened without an Origin…
		const post = await send(app.url, {
			method: 'POST',
			path: `${polling}&sid=${sid}`,
			headers: { 'content-type': 'text/plain;charset=UTF-8', ...evil },
			body: '40/live,'
		});
		expect(statusOf(post)).toBe(400); // …cannot be driven from another site
		await expectServing();
	});

	it.each([
		['with an empty sid', `${polling}&sid=`, 'POST', '40/live,', 400],
		['with a garbage sid', `${polling}&sid=not-a-session`, 'POST', '40/live,', 400],
		['with an unsupported EIO', '/socket.io/?EIO=9&transport=polling', 'GET', undefined, 400],
		[
			'with an unknown transport',
			'/socket.io/?EIO=4&transport=carrier-pigeon',
			'GET',
			undefined,
			400
		]
	])(
		'answers a request %s with an error and keeps serving',
		async (_, path, method, body, status) => {
			const answer = await send(app.url, {
				method,
				path,
				headers: { 'content-type': 'text/plain;charset=UTF-8' },
				body
			});
			expect(statusOf(answer)).toBe(status);
			await expectServing();
		}
	);

	it('refuses a 2 MB polling body and keeps serving', async () => {
		const sid = await handshake(app.url);
		const answer = await send(app.url, {
			method: 'POST',
			path: `${polling}&sid=${sid}`,
			headers: { 'content-type': 'text/plain;charset=UTF-8' },
			body: '4' + 'x'.repeat(2 * 1024 * 1024)
		});
		// 413, or the connection closed while the body was still being sent
		expect([413, 'socket hang up', 'write EPIPE', 'read ECONNRESET']).toContain(statusOf(answer));
		await expectServing();
	});

	it('lets a client on long-polling alone join, ask, vote and see the tally', async () => {
		const { path } = await liveMeetingOnApp(app, 'polling');
		const asker = await joinLive(app.url, path, sockets, undefined, 'polling');
		const voter = await joinLive(app.url, path, sockets, undefined, 'polling');
		expect(asker.socket.io.engine.transport.name).toBe('polling');
		const asked = await asker.socket.timeout(5000).emitWithAck('question:ask', {
			text: 'Does the long-polling fallback carry questions?',
			anonymous: true
		});
		if (!asked.ok) throw new Error(asked.error.message);
		const id = asked.question.id;
		const tally = new Promise<number>((resolve) =>
			asker.socket.on('tally', ({ counts }) => id in counts && resolve(counts[id]))
		);
		const vote = await voter.socket.timeout(5000).emitWithAck('question:vote', {
			questionId: id,
			up: true
		});
		expect(vote).toMatchObject({ ok: true, voteCount: 1, voted: true });
		expect(await tally).toBe(1);
	});

	it('survives a fuzz of requests to engine.io and socket.io (fixed seed)', async () => {
		// Live sessions, so that fuzzed requests reach past the session check.
		const sids = await Promise.all([1, 2, 3].map(() => handshake(app.url)));
		const packets = [
			'40/live,',
			'42/live,0["meeting:join",{"group":"x","meeting":1}]',
			'42/live,1["question:vote",{"questionId":"00000000-0000-0000-0000-000000000000","up":true}]',
			'41/live,',
			'2',
			'3',
			'5',
			'6',
			'1',
			'0',
			'4',
			'b4AAEC',
			'42["x"]',
			'\u001e'
		];
		const request = fc.record({
			method: fc.constantFrom(
				'GET',
				'POST',
				'PUT',
				'DELETE',
				'OPTIONS',
				'HEAD',
				'PATCH',
				'PROPFIND'
			),
			suffix: fc.oneof(
				fc.constant(''),
				fc.constantFrom('live', '../healthz', '%00', '%2e%2e/', 'socket.io/', '?'),
				fc.string({ maxLength: 20 })
			),
			query: fc.dictionary(
				fc.constantFrom('EIO', 'transport', 'sid', 't', 'b64', 'j', 'x'),
				fc.oneof(
					fc.constantFrom('4', '3', '5', '-1', 'polling', 'websocket', 'webtransport', ''),
					fc.constantFrom(...sids),
					fc.string({ maxLength: 30 })
				)
			),
			body: fc.option(
				fc.oneof(
					fc.constantFrom(...packets),
					fc.array(fc.constantFrom(...packets), { maxLength: 4 }).map((p) => p.join('\u001e')),
					fc.string({ maxLength: 200 }),
					fc.uint8Array({ maxLength: 200 })
				)
			),
			type: fc.constantFrom(
				'text/plain;charset=UTF-8',
				'application/octet-stream',
				'application/json',
				'application/x-www-form-urlencoded',
				'multipart/form-data; boundary=x',
				'text/html'
			),
			origin: fc.constantFrom(undefined, app.url, 'https://evil.example', 'null')
		});
		let sent = 0;
		await fc.assert(
			fc.asyncProperty(request, async (r) => {
				const query = new URLSearchParams(r.query).toString();
				const headers: Record<string, string> = { 'content-type': r.type };
				if (r.origin) headers.origin = r.origin;
				// A long-poll on a live session waits for news: a short wait is enough to test it.
				await send(
					app.url,
					{
						method: r.method,
						path: `/socket.io/${encodeURI(r.suffix)}?${query}`,
						headers,
						body: r.body ?? undefined
					},
					150
				);
				if (++sent % 250 === 0) {
					expect(app.process.exitCode).toBeNull();
					expect(statusOf(await send(app.url, { path: '/healthz' }))).toBe(200);
				}
			}),
			{ seed: 1212, numRuns: 3000 }
		);
		await expectServing();
		// Nothing escaped: no request failed in a way the guard had to catch.
		expect(app.output()).not.toMatch(/error (thrown|unhandled rejection|uncaught exception)/);
	}, 180_000);
});
