import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { attendeeClient } from '../fixtures/live-app';

const adminEmail = 'admin@ledger-api.test';
const adminPassword = 'ledger api admin passphrase';
const password = 'correct horse battery staple';

/** `YYYY-MM-DDTHH:mm` in UTC, some minutes from now (the group's zone is UTC here). */
const inMinutes = (minutes: number) =>
	new Date(Date.now() + minutes * 60_000).toISOString().slice(0, 16);

for (const kind of databaseKinds) {
	describe(`actions, ledger and open data on the built app [${kind}]`, () => {
		let app: RunningApp;
		let secretary: Client;
		let member: Client;
		const slug = `ledger-${kind}`;
		const api = `/api/v1/groups/${slug}`;
		const questionIds: string[] = [];

		const signUp = async (email: string, displayName: string) => {
			return signedUp(app, { email, password, displayName });
		};

		beforeAll(async () => {
			app = await startAppOn(kind);
			expect(
				app.cli('admin-create', ['--email', adminEmail, '--password', adminPassword]).status
			).toBe(0);
			const admin = new Client(app.url);
			expect(
				(await admin.post('/api/v1/session', { email: adminEmail, password: adminPassword })).status
			).toBe(200);
			expect(
				(
					await admin.post('/api/v1/groups', {
						slug,
						name: 'Ledger API Group',
						institution: 'Testshire Police',
						purpose: 'Testing the ledger.',
						membershipOpen: true,
						timeZone: 'UTC'
					})
				).status
			).toBe(201);
			secretary = await signUp('secretary@ledger-api.test', 'Secretary');
			member = await signUp('member@ledger-api.test', 'Member');
			expect(
				(await admin.post(`${api}/roles`, { email: 'secretary@ledger-api.test', role: 'chair' }))
					.status
			).toBe(201);
			const created = await secretary.post(`${api}/meetings`, {
				title: 'Quarterly meeting',
				startsAt: inMinutes(60),
				endsAt: inMinutes(180),
				participation: 'open'
			});
			expect(created.status).toBe(201);
			expect(
				(await secretary.request('PATCH', `${api}/meetings/1`, { state: 'scheduled' })).status
			).toBe(200);
		});

		afterAll(async () => {
			await app?.stop();
		});

		it('records actions only once the meeting is held, with the right error statuses', async () => {
			const body = { owner: 'The Service', description: 'Publish the audit.', dueOn: '2020-01-31' };
			const url = `${api}/meetings/1/actions`;
			expect((await new Client(app.url).post(url, body)).status).toBe(401);
			expect((await member.post(url, body)).status).toBe(403);
			expect((await secretary.post(url, body)).status).toBe(409);
			expect(
				(await secretary.request('PATCH', `${api}/meetings/1`, { state: 'live' })).status
			).toBe(200);
			const bad = await secretary.post(url, { owner: '', description: 'x', dueOn: '31/01/2020' });
			expect(bad.status).toBe(400);
			expect(Object.keys(bad.json.error.fields).sort()).toEqual(['description', 'dueOn', 'owner']);
			expect(bad.json.error.fields.dueOn).toBe('Enter a date such as 2026-03-31.');
			expect((await secretary.post(url, 'not an object')).status).toBe(400);

			for (const text of ['How long are people held?', 'Who audits the checks?', 'Why here?']) {
				const attendee = await attendeeClient(app.url, { group: slug, meeting: 1 });
				const asked = await attendee.post(`${api}/meetings/1/questions`, {
					text,
					anonymous: true
				});
				expect(asked.status).toBe(201);
				questionIds.push(asked.json.id);
			}
			const overdue = await secretary.post(url, { ...body, questionId: questionIds[0] });
			expect(overdue.status).toBe(201);
			expect(overdue.headers.get('location')).toBe(`${api}/actions/${overdue.json.id}`);
			expect(overdue.json).toMatchObject({
				meetingNumber: 1,
				status: 'open',
				questionId: questionIds[0]
			});
			for (const description of ['Second thing', 'Third thing']) {
				expect(
					(await secretary.post(url, { ...body, description, dueOn: '2099-12-31' })).status
				).toBe(201);
			}
			const one = await new Client(app.url).get(`${api}/actions/${overdue.json.id}`);
			expect(one.status).toBe(200);
			expect(one.json.description).toBe('Publish the audit.');
		});

		it('lists actions and questions group-wide: JSON pages, CSV, ETags and caching', async () => {
			const reader = new Client(app.url);
			for (const [list, count] of [
				['actions', 3],
				['questions', 3]
			] as const) {
				const seen: string[] = [];
				let next: string | null = `${api}/${list}?limit=2`;
				let pages = 0;
				while (next) {
					const response = await reader.get(next);
					expect(response.status).toBe(200);
					expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
					for (const item of response.json.items) {
						expect(item.meetingNumber).toBe(1);
						seen.push(item.id);
					}
					expect(response.json.items[0]).not.toHaveProperty('cursorAt');
					next = response.json.next;
					pages++;
				}
				expect(pages).toBe(2);
				expect(new Set(seen).size).toBe(count);
				const first = await reader.get(`${api}/${list}.json`);
				const etag = first.headers.get('etag')!;
				expect(etag).toMatch(/^".+"$/);
				expect((await reader.get(`${api}/${list}`, { 'if-none-match': etag })).status).toBe(304);
				const csv = await reader.get(`${api}/${list}.csv`);
				expect(csv.headers.get('content-type')).toContain('text/csv');
				expect(csv.text.split('\r\n')[0]).toContain('meetingNumber');
				expect(csv.text.trim().split('\r\n')).toHaveLength(count + 1);
			}
			// A garbled cursor starts from the beginning rather than failing.
			expect((await reader.get(`${api}/actions?cursor=garbage`)).status).toBe(200);
			expect(
				(await reader.get(`${api}/actions?cursor=MXwyMDI2LTAyLTMxIDAwOjAwOjAwKzAwfHg`)).status
			).toBe(200);
			const questions = await reader.get(`${api}/questions`);
			expect(questions.json.items.map((q: { text: string }) => q.text)).toContain(
				'Who audits the checks?'
			);
		});

		it('updates an action’s status, and the ledger follows it', async () => {
			const actions = (await secretary.get(`${api}/actions`)).json.items;
			const [overdue, second] = actions;
			const patch = (id: string, body: unknown, client = secretary) =>
				client.request('PATCH', `${api}/actions/${id}`, body);
			expect((await patch(overdue.id, { status: 'done' }, new Client(app.url))).status).toBe(401);
			expect((await patch(overdue.id, { status: 'done' }, member)).status).toBe(403);
			expect((await patch('00000000-0000-0000-0000-000000000000', { status: 'done' })).status).toBe(
				404
			);
			const noReason = await patch(second.id, { status: 'dropped' });
			expect(noReason.status).toBe(400);
			expect(Object.keys(noReason.json.error.fields)).toEqual(['note']);
			const dropped = await patch(second.id, { status: 'dropped', note: 'Overtaken by events.' });
			expect(dropped.status).toBe(200);
			expect(dropped.json).toMatchObject({ status: 'dropped', statusNote: 'Overtaken by events.' });
			expect((await patch(second.id, { status: 'dropped', note: 'Again.' })).status).toBe(409);

			const ledger = await new Client(app.url).get(`${api}/ledger`);
			expect(ledger.status).toBe(200);
			const byId = new Map(
				ledger.json.items.map((i: { id: string }) => [i.id, i] as [string, Record<string, unknown>])
			);
			expect(byId.get(overdue.id)).toMatchObject({
				kind: 'action',
				overdue: true,
				timesRaised: 1,
				questionId: questionIds[0]
			});
			expect(byId.get(second.id)).toMatchObject({ status: 'dropped', overdue: false });
			expect(ledger.json.figures).toEqual([
				expect.objectContaining({
					number: 1,
					questionsAsked: 3,
					topTen: 3,
					topTenAnswered: 0,
					commitmentsMade: 3,
					commitmentsKept: 0
				})
			]);
			const overdueOnly = await new Client(app.url).get(`${api}/ledger.json?overdue=1`);
			expect(overdueOnly.json.items.map((i: { id: string }) => i.id)).toEqual([overdue.id]);
		});

		it('serves the ledger and actions pages, and their status forms work without JavaScript', async () => {
			const reader = new Client(app.url);
			const ledger = await reader.get(`/g/${slug}/ledger?kind=action&overdue=1`);
			expect(ledger.status).toBe(200);
			expect(ledger.text).toContain('Accountability ledger');
			expect(ledger.text).toContain('Overdue');
			expect(ledger.text).toContain('role="img"');
			expect(ledger.text).not.toContain('name="note"');
			const actions = await reader.get(`/g/${slug}/meetings/1/actions`);
			expect(actions.status).toBe(200);
			expect(actions.text).toContain('Publish the audit.');
			expect(actions.text).not.toContain('action="?/record"');
			const officerView = await secretary.get(`/g/${slug}/meetings/1/actions`);
			expect(officerView.text).toContain('action="?/record"');
			expect(officerView.text).toContain('action="?/status"');

			const id = (await reader.get(`${api}/actions`)).json.items[2].id;
			const post = (body: Record<string, string>) =>
				fetch(`${app.url}/g/${slug}/ledger?/status`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						// As a browser without JavaScript posts: it wants the page back, not JSON.
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						origin: app.url,
						cookie: [...secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
					},
					body: new URLSearchParams(body)
				});
			const refused = await post({ id, status: 'dropped', note: '' });
			expect(refused.status).toBe(400);
			expect(await refused.text()).toContain('Say why the action is dropped');
			expect((await post({ id, status: 'done', note: 'Published on the website.' })).status).toBe(
				200
			);
			const after = await reader.get(`${api}/actions/${id}`);
			expect(after.json).toMatchObject({ status: 'done', statusNote: 'Published on the website.' });
		});
	});
}
