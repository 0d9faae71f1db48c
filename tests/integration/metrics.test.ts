import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startApp, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import {
	attendeeClient,
	joinLive,
	liveMeetingOnApp,
	type LiveClient,
	type MeetingPath
} from '../fixtures/live-app';

const token = 'a metrics token of at least thirty-two characters';

type Sample = { name: string; labels: Record<string, string>; value: number };

/** Prometheus text: every line a comment or `name{labels} value`; anything else fails the test. */
function parseMetrics(text: string): Sample[] {
	const samples: Sample[] = [];
	for (const line of text.split('\n')) {
		if (!line || line.startsWith('#')) continue;
		const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
		expect(match, line).not.toBeNull();
		const [, name, labelText = '', value] = match!;
		const labels: Record<string, string> = {};
		for (const [, key, label] of labelText.matchAll(
			/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g
		))
			labels[key] = label;
		const number = Number(value);
		// prom-client writes NaN as `Nan` (an event-loop mean before any sample); Prometheus reads
		// floats case-insensitively.
		expect(Number.isNaN(number) && !/^nan$/i.test(value), line).toBe(false);
		samples.push({ name, labels, value: number });
	}
	return samples;
}

/** The sum of a metric's samples whose labels include `labels`. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}) {
	return samples
		.filter((s) => s.name === name)
		.filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
		.reduce((sum, s) => sum + s.value, 0);
}

describe.each(databaseKinds)('GET /metrics [%s]', (kind) => {
	it('refuses to start with a METRICS_TOKEN shorter than 32 characters', async () => {
		await expect(startApp({ env: { METRICS_TOKEN: 'x'.repeat(31) } })).rejects.toThrow(
			/METRICS_TOKEN must be at least 32 characters/
		);
	});

	it('does not exist without METRICS_TOKEN, even to a bearer of some token', async () => {
		const app = await startAppOn(kind);
		try {
			const response = await fetch(`${app.url}/metrics`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect(response.status).toBe(404);
			expect(await response.text()).not.toContain('openfloor_');
		} finally {
			await app.stop();
		}
	});

	describe('with METRICS_TOKEN', () => {
		let app: RunningApp;
		let path: MeetingPath;
		const sockets: LiveClient[] = [];

		beforeAll(async () => {
			app = await startAppOn(kind, { METRICS_TOKEN: token });
			({ path } = await liveMeetingOnApp(app, `metrics-${kind}`));
		});

		afterAll(async () => {
			for (const socket of sockets) socket.disconnect();
			await app?.stop();
		});

		const scrape = async () => {
			const response = await fetch(`${app.url}/metrics`, {
				headers: { authorization: `Bearer ${token}` }
			});
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
			expect(response.headers.get('cache-control')).toBe('no-store');
			return parseMetrics(await response.text());
		};

		it('answers 404 to anyone without the token, never the metrics', async () => {
			const wrong = token.replace(/.$/, '!');
			for (const headers of [
				{},
				{ authorization: `Bearer ${wrong}` },
				{ authorization: `Bearer ${token}x` },
				{ authorization: `bearer ${token}` },
				{ authorization: `Basic ${btoa(`x:${token}`)}` },
				{ authorization: token }
			] as Record<string, string>[]) {
				const response = await fetch(`${app.url}/metrics`, { headers });
				expect(response.status, JSON.stringify(headers)).toBe(404);
				expect(await response.text()).not.toContain('openfloor_');
			}
			const inQuery = await fetch(`${app.url}/metrics?token=${encodeURIComponent(token)}`);
			expect(inQuery.status).toBe(404);
			const post = await fetch(`${app.url}/metrics`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, origin: app.url }
			});
			expect(post.status).toBe(404);
			// and the one who has it gets them
			expect(valueOf(await scrape(), 'openfloor_votes_total')).toBeGreaterThanOrEqual(0);
		});

		it('times requests by route id, method and status class, never by raw path', async () => {
			const before = await scrape();
			const apiRoute = '/api/v1/groups/[group]';
			const counted = (samples: Sample[], route: string, status = '2xx') =>
				valueOf(samples, 'openfloor_http_request_duration_seconds_count', {
					route,
					method: 'GET',
					status
				});
			const client = new Client(app.url);
			for (let i = 0; i < 3; i++) {
				expect((await client.get(`/api/v1/groups/${path.group}`)).status).toBe(200);
			}
			expect((await client.get(`/g/${path.group}`)).status).toBe(200);
			expect((await client.get('/no/such/page')).status).toBe(404);
			const after = await scrape();
			expect(counted(after, apiRoute) - counted(before, apiRoute)).toBe(3);
			expect(counted(after, '/g/[group]') - counted(before, '/g/[group]')).toBe(1);
			expect(counted(after, 'unmatched', '4xx')).toBeGreaterThan(
				counted(before, 'unmatched', '4xx')
			);
			const routes = new Set(
				after
					.filter((s) => s.name.startsWith('openfloor_http_request_duration_seconds'))
					.map((s) => s.labels.route)
			);
			for (const route of routes) {
				expect(route === 'unmatched' || route.startsWith('/'), route).toBe(true);
				expect(route).not.toContain(path.group);
				expect(route).not.toContain('no/such');
			}
			// The process's own metrics, under the same prefix.
			expect(valueOf(after, 'openfloor_process_resident_memory_bytes')).toBeGreaterThan(0);
		});

		it('counts the open socket connections of this instance', async () => {
			const connections = async () => valueOf(await scrape(), 'openfloor_socket_connections');
			const before = await connections();
			const opened: LiveClient[] = [];
			for (let i = 0; i < 3; i++) await joinLive(app.url, path, opened);
			sockets.push(...opened);
			expect(await connections()).toBe(before + 3);
			for (const socket of opened) socket.disconnect();
			for (let i = 0; i < 50 && (await connections()) !== before; i++) {
				await new Promise((r) => setTimeout(r, 100));
			}
			expect(await connections()).toBe(before);
		});

		it('counts each accepted vote once, by socket, form and API, and times tallies and queries', async () => {
			const votes = async () => valueOf(await scrape(), 'openfloor_votes_total');
			const queries = (samples: Sample[]) =>
				valueOf(samples, 'openfloor_db_query_duration_seconds_count');
			const queriesBefore = queries(await scrape());
			const { socket: asker } = await joinLive(app.url, path, sockets);
			const asked = await asker.timeout(5000).emitWithAck('question:ask', {
				text: 'How many stop and search records were checked this year?',
				anonymous: true
			});
			if (!asked.ok) throw new Error(asked.error.message);
			const questionId = asked.question.id;
			const before = await votes();

			// Two participants by socket; one of them again (the same vote: not counted).
			const voters = [
				await joinLive(app.url, path, sockets),
				await joinLive(app.url, path, sockets)
			];
			for (const { socket } of voters) {
				const ack = await socket
					.timeout(5000)
					.emitWithAck('question:vote', { questionId, up: true });
				expect(ack.ok).toBe(true);
			}
			await voters[0].socket.timeout(5000).emitWithAck('question:vote', { questionId, up: true });
			// Two by the JSON API; a vote taken back is not a vote.
			const votePath = `/api/v1/groups/${path.group}/questions/${questionId}/vote`;
			for (let i = 0; i < 2; i++) {
				const client = await attendeeClient(app.url, path);
				expect((await client.post(votePath, { up: true })).status).toBe(200);
				if (i === 1) expect((await client.post(votePath, { up: false })).status).toBe(200);
			}
			// One by the live page's form (no JavaScript).
			const browser = await attendeeClient(app.url, path);
			const form = await fetch(`${app.url}/g/${path.group}/meetings/${path.meeting}/live?/vote`, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin: app.url,
					cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				},
				body: new URLSearchParams({ questionId })
			});
			expect(form.status).toBeLessThan(400);
			// Refused: a participant the server never issued.
			expect((await new Client(app.url).post(votePath, { up: true })).status).toBe(403);
			expect((await votes()) - before).toBe(5);

			// The votes' tallies were broadcast (asker is in the room) and timed.
			let samples = await scrape();
			for (let i = 0; i < 50; i++) {
				if (valueOf(samples, 'openfloor_tally_broadcast_duration_seconds_count') > 0) break;
				await new Promise((r) => setTimeout(r, 100));
				samples = await scrape();
			}
			expect(valueOf(samples, 'openfloor_tally_broadcast_duration_seconds_count')).toBeGreaterThan(
				0
			);
			expect(queriesBefore).toBeGreaterThan(0);
			expect(queries(samples)).toBeGreaterThan(queriesBefore);
			expect(valueOf(samples, 'openfloor_db_query_duration_seconds_sum')).toBeGreaterThan(0);
		});
	});
});
