import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { attendeeClient, joinLive, liveMeetingOnApp, type LiveClient } from '../fixtures/live-app';
import { startTwoInstances, type TwoInstances } from '../fixtures/two-instances';

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;

/** An anonymous reader: no cookie is ever kept. */
async function read(url: string, path: string) {
	const response = await fetch(url + path, { headers: { accept: 'text/html' } });
	return {
		status: response.status,
		cache: response.headers.get('x-openfloor-cache'),
		control: response.headers.get('cache-control'),
		text: await response.text()
	};
}

/** Read twice, so the second comes from memory: the page is kept. */
async function kept(url: string, path: string) {
	await read(url, path);
	const again = await read(url, path);
	expect(again.cache, path).toBe('hit');
	return again;
}

/**
 * Every kind of public change the issue names, each written through one app and read back at
 * once, by an anonymous reader, from `readerUrl` (the same app, or another instance on the same
 * database): the page read straight after the write shows it.
 */
function changes(
	setup: () => { writer: RunningApp; readerUrl: string; chair: Client; slug: string; n: number }
) {
	const sockets: LiveClient[] = [];
	afterAll(() => sockets.forEach((s) => s.disconnect()));

	it('a question published, and a vote', async () => {
		const { writer, readerUrl, slug, n } = setup();
		type Listed = { items: { id: string; text: string; votes: number }[] };
		const api = `/api/v1/groups/${slug}/meetings/${n}/questions`;
		const list = async () => {
			const response = await fetch(readerUrl + api);
			return {
				cache: response.headers.get('x-openfloor-cache'),
				items: ((await response.json()) as Listed).items
			};
		};
		await list();
		const empty = await list();
		expect(empty.cache).toBe('hit');
		expect(empty.items.some((q) => q.text.includes('custody records'))).toBe(false);
		const { socket } = await joinLive(writer.url, { group: slug, meeting: n }, sockets);
		const asked = await socket.timeout(5000).emitWithAck('question:ask', {
			text: 'Who reads the custody records?',
			anonymous: true
		});
		expect(asked.ok).toBe(true);
		const question = (await list()).items.find((q) => q.text.includes('custody records'))!;
		expect(question.votes).toBe(0);
		expect((await list()).cache).toBe('hit');
		// Pages that show no tally stay kept through a vote; those that do are rendered again.
		const untouched = [`/g/${slug}`, `/g/${slug}/meetings/${n}`];
		const tallied = [`/g/${slug}/ledger`];
		for (const page of [...untouched, ...tallied]) await kept(readerUrl, page);
		const voted = await socket
			.timeout(5000)
			.emitWithAck('question:vote', { questionId: question.id, up: true });
		expect(voted.ok).toBe(true);
		expect((await list()).items.find((q) => q.id === question.id)!.votes).toBe(1);
		for (const page of untouched) expect((await read(readerUrl, page)).cache, page).toBe('hit');
		for (const page of tallied) expect((await read(readerUrl, page)).cache, page).toBe('miss');
	});

	it('a signed-in reader: the group page and the ledger, shared by all, show a change at once', async () => {
		const { readerUrl, chair, slug, n } = setup();
		// The chair's session, reading from the reader's instance: pages rendered for them, with
		// the public part of the data computed once for everyone (shared-data.ts).
		const reader = new Client(readerUrl);
		reader.cookies = new Map(chair.cookies);
		const home = `/g/${slug}`;
		const ledger = `/g/${slug}/ledger`;
		for (const page of [home, ledger]) {
			const before = await reader.get(page);
			expect(before.headers.get('cache-control')).toBe('private, no-store');
			expect(before.text).toContain('Sign out');
		}
		const openActions = async () =>
			Number(/Open actions: (\d+)/.exec((await reader.get(home)).text)?.[1]);
		const before = await openActions();
		expect(before).toBeGreaterThanOrEqual(0);
		expect((await reader.get(ledger)).text).not.toContain('Publish the patrol rota');
		const action = await chair.post(`/api/v1/groups/${slug}/meetings/${n}/actions`, {
			owner: 'Riverside Police Service',
			description: 'Publish the patrol rota',
			dueOn: '2099-01-31'
		});
		expect(action.status).toBe(201);
		expect((await reader.get(ledger)).text).toContain('Publish the patrol rota');
		expect(await openActions()).toBe(before + 1);
	});

	it('an agenda edited, a meeting scheduled, a decision, minutes published', async () => {
		const { readerUrl, chair, slug, n } = setup();
		// Also a signed-in reader, whose pages share their record with everyone's (shared-data.ts).
		const reader = new Client(readerUrl);
		reader.cookies = new Map(chair.cookies);
		const start = new Date(Date.now() + 86_400_000);
		const made = await chair.post(`/api/v1/groups/${slug}/meetings`, {
			title: 'A meeting to come',
			startsAt: start.toISOString(),
			endsAt: new Date(start.getTime() + 3_600_000).toISOString()
		});
		expect(made.status).toBe(201);
		const next = made.json.number as number;
		const list = `/g/${slug}/meetings`;
		expect((await kept(readerUrl, list)).text).not.toContain('A meeting to come');
		expect(
			(
				await chair.request('PATCH', `/api/v1/groups/${slug}/meetings/${next}`, {
					state: 'scheduled'
				})
			).status
		).toBe(200);
		expect((await read(readerUrl, list)).text).toContain('A meeting to come');

		const agenda = `/g/${slug}/meetings/${next}`;
		expect((await kept(readerUrl, agenda)).text).not.toContain('Stop and search figures');
		expect((await reader.get(agenda)).text).not.toContain('Stop and search figures');
		const item = await chair.post(`/api/v1/groups/${slug}/meetings/${next}/agenda`, {
			title: 'Stop and search figures',
			plannedMinutes: 15
		});
		expect(item.status).toBe(201);
		expect((await read(readerUrl, agenda)).text).toContain('Stop and search figures');
		expect((await reader.get(agenda)).text).toContain('Stop and search figures');

		const decisions = `/g/${slug}/decisions`;
		expect((await kept(readerUrl, decisions)).text).not.toContain('Full until the review');
		const closed = await chair.post(`/api/v1/groups/${slug}/membership`, {
			open: false,
			reason: 'Full until the review',
			reviewOn: '2099-01-31'
		});
		expect(closed.status).toBeLessThan(300);
		expect((await read(readerUrl, decisions)).text).toContain('Full until the review');

		const minutes = `/g/${slug}/meetings/${n}/minutes`;
		expect(
			(await chair.request('PATCH', `/api/v1/groups/${slug}/meetings/${n}`, { state: 'closed' }))
				.status
		).toBe(200);
		expect((await kept(readerUrl, minutes)).text).not.toContain('Published in the same breath');
		expect((await reader.get(minutes)).text).not.toContain('Published in the same breath');
		const api = `/api/v1/groups/${slug}/meetings/${n}/minutes`;
		expect(
			(await chair.request('PUT', `${api}/draft`, { markdown: 'Published in the same breath.' }))
				.status
		).toBe(200);
		expect((await chair.post(`${api}/publish`, {})).status).toBe(201);
		expect((await read(readerUrl, minutes)).text).toContain('Published in the same breath');
		expect((await reader.get(minutes)).text).toContain('Published in the same breath');
	});
}

for (const kind of databaseKinds) {
	describe(`pages kept for anonymous readers [${kind}]`, () => {
		let app: RunningApp;
		let chair: Client;
		let path = { group: '', meeting: 0 };

		beforeAll(async () => {
			app = await startAppOn(kind);
			({ admin: chair, path } = await liveMeetingOnApp(app, `cache-${kind}`));
		});
		afterAll(async () => {
			await app?.stop();
		});

		it('keeps anonymous pages, says so, and never keeps a signed-in or personal one', async () => {
			const group = `/g/${path.group}`;
			// A HEAD first: only a GET's answer is kept, so the page served next is whole.
			const head = await fetch(app.url + group, { method: 'HEAD' });
			expect(head.status).toBe(200);
			const first = await read(app.url, group);
			expect(first.cache).toBe('miss');
			expect(first.control).toBe('public, max-age=0, must-revalidate');
			const second = await read(app.url, group);
			expect(second.cache).toBe('hit');
			expect(second.text).toContain('<h1>');
			expect(second.text.replace(/nonce="[^"]+"/g, '')).toBe(
				first.text.replace(/nonce="[^"]+"/g, '')
			);
			// A kept page with a script (the group's page has none, `csr = false`) has a fresh CSP
			// nonce each time, the same in the header and the page.
			const form = `${group}/apply`;
			const kept = await read(app.url, form);
			expect((await read(app.url, form)).cache).toBe('hit');
			const withScript = await fetch(app.url + form);
			const nonce = /'nonce-([^']+)'/.exec(withScript.headers.get('content-security-policy')!)![1];
			expect(await withScript.text()).toContain(`nonce="${nonce}"`);
			expect(kept.text).not.toContain(`nonce="${nonce}"`);
			// The reader who has it gets a 304.
			const response = await fetch(app.url + group);
			const etag = response.headers.get('etag')!;
			const again = await fetch(app.url + group, { headers: { 'if-none-match': etag } });
			expect(again.status).toBe(304);
			expect(again.headers.get('content-security-policy')).toBeNull();

			const signedIn = await chair.get(group);
			expect(signedIn.headers.get('x-openfloor-cache')).toBeNull();
			expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
			expect(signedIn.text).toContain('Sign out');
			// An attendee with a participant cookie is a person, not the public.
			const attendee = await attendeeClient(app.url, path);
			const theirs = await attendee.get(`${group}/meetings/${path.meeting}/screen`);
			expect(theirs.headers.get('x-openfloor-cache')).toBeNull();
			// Their page may show their own questions: no shared cache may keep it either.
			expect(theirs.headers.get('cache-control')).toBe('private, no-store');
		});

		it('renders a page once for a crowd arriving after a change', async () => {
			const page = `/g/${path.group}/meetings`;
			await kept(app.url, page);
			const made = await chair.post(`/api/v1/groups/${path.group}/meetings`, {
				title: 'A crowd reads this',
				startsAt: new Date(Date.now() + 86_400_000).toISOString(),
				endsAt: new Date(Date.now() + 90_000_000).toISOString()
			});
			expect(made.status).toBe(201);
			const crowd = await Promise.all(Array.from({ length: 12 }, () => read(app.url, page)));
			expect(crowd.filter((r) => r.cache === 'miss')).toHaveLength(1);
			expect(new Set(crowd.map((r) => r.status))).toEqual(new Set([200]));
			const withoutNonces = crowd.map((r) => r.text.replace(/nonce="[^"]+"/g, ''));
			expect(new Set(withoutNonces).size).toBe(1);
		});

		changes(() => ({
			writer: app,
			readerUrl: app.url,
			chair,
			slug: path.group,
			n: path.meeting
		}));
	});
}

describe.runIf(databaseUrl && redisUrl)('pages kept on one instance, written on another', () => {
	let instances: TwoInstances;
	beforeAll(async () => {
		instances = await startTwoInstances(databaseUrl!, redisUrl!, 'cache2');
	});
	afterAll(async () => {
		await instances?.stop();
	});
	changes(() => ({
		writer: instances.first,
		readerUrl: instances.second.url,
		chair: instances.admin,
		slug: instances.path.group,
		n: instances.path.meeting
	}));
});
