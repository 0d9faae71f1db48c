import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';

const adminEmail = 'admin@api.test';
const adminPassword = 'api admin passphrase';
const password = 'correct horse battery staple';

for (const kind of databaseKinds) {
	describe(`JSON API on the built app [${kind}]`, () => {
		let app: RunningApp;

		beforeAll(async () => {
			app = await startAppOn(kind);
			// While the app runs: through its admin socket on PGlite, directly on PostgreSQL.
			const created = app.cli('admin-create', ['--email', adminEmail, '--password', adminPassword]);
			expect(created.stdout + created.stderr).toContain('Site administrator ready');
			expect(created.status).toBe(0);
		});

		afterAll(async () => {
			await app?.stop();
		});

		const signedIn = async (email: string, pass = password) => {
			const client = new Client(app.url);
			const response = await client.post('/api/v1/session', { email, password: pass });
			expect(response.status).toBe(200);
			return client;
		};

		it('signs up, sets a hardened session cookie and knows who is signed in', async () => {
			const client = new Client(app.url);
			const response = await client.post('/api/v1/users', {
				email: 'Newcomer@API.test',
				password,
				displayName: 'Newcomer'
			});
			expect(response.status).toBe(201);
			expect(response.json.user).toEqual({ email: 'newcomer@api.test', displayName: 'Newcomer' });
			const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='))!;
			expect(cookie).toMatch(/HttpOnly/i);
			expect(cookie).toMatch(/SameSite=Lax/i);
			expect(cookie).toMatch(/Path=\//);
			expect(cookie).not.toMatch(/Secure/i); // ORIGIN is plain http here
			expect(client.cookies.get('session')).toMatch(/^[a-z2-7]{32}$/);
			const me = await client.get('/api/v1/session');
			expect(me.json.user.email).toBe('newcomer@api.test');
			expect((await client.delete('/api/v1/session')).status).toBe(204);
			expect((await client.get('/api/v1/session')).json.user).toBeNull();
		});

		it('answers bad input with 400 and field messages, in the caller’s language', async () => {
			const client = new Client(app.url);
			const response = await client.post('/api/v1/users', { email: 'nope', password: 'short' });
			expect(response.status).toBe(400);
			expect(response.json.error.code).toBe('invalid');
			expect(Object.keys(response.json.error.fields).sort()).toEqual([
				'displayName',
				'email',
				'password'
			]);
			const arabic = await client.post(
				'/api/v1/users',
				{ email: 'nope' },
				{ 'accept-language': 'ar' }
			);
			expect(arabic.json.error.fields.email).toMatch(/[\u0600-\u06FF]/);
			const notJson = await client.request('POST', '/api/v1/session', undefined, {
				'content-type': 'application/json'
			});
			expect(notJson.status).toBe(400);
			// Only paper uploads may be large: anything else over 1 MB is refused unread.
			const huge = await client.post('/api/v1/session', {
				email: 'x@api.test',
				password: 'p'.repeat(2 * 1024 * 1024)
			});
			expect(huge.status).toBe(413);
			expect(huge.json.error.code).toBe('too_large');
			expect(notJson.json.error.code).toBe('invalid');
		});

		// The audit sent a 5 MB JSON body in chunks (no Content-Length): it was read and parsed.
		it('refuses a body over 1 MB sent in chunks, and takes one under it', async () => {
			const chunked = (bytes: string) => {
				const body = new Blob([bytes]).stream();
				return fetch(`${app.url}/api/v1/users`, {
					method: 'POST',
					body,
					duplex: 'half',
					headers: { 'content-type': 'application/json', origin: app.url }
				} as RequestInit);
			};
			const signUp = (email: string, padding: number) =>
				JSON.stringify({ email, password, displayName: 'Chunked', padding: 'p'.repeat(padding) });
			// The answer comes before the body has all been sent, and the connection then closes: the
			// client reads the 413, or (when the close wins the race) sees its upload cut off.
			const huge = await chunked(signUp('chunked-huge@api.test', 5 * 1024 * 1024)).then(
				async (r) => ({ status: r.status, code: (await r.json()).error.code }),
				() => ({ status: 'cut off', code: 'too_large' })
			);
			expect([413, 'cut off']).toContain(huge.status);
			expect(huge.code).toBe('too_large');
			const small = await chunked(signUp('chunked-small@api.test', 100));
			expect(small.status).toBe(201);
			// Nothing of the refused one was written.
			const again = await new Client(app.url).post('/api/v1/users', {
				email: 'chunked-huge@api.test',
				password,
				displayName: 'Chunked'
			});
			expect(again.status).toBe(201);
		});

		it('refuses a duplicate email with 409 and a generic login failure with 400', async () => {
			const client = new Client(app.url);
			const body = { email: 'twice@api.test', password, displayName: 'Twice' };
			expect((await client.post('/api/v1/users', body)).status).toBe(201);
			const again = await new Client(app.url).post('/api/v1/users', body);
			expect(again.status).toBe(409);
			expect(again.json.error.fields.email).toBeTruthy();
			const wrong = await new Client(app.url).post('/api/v1/session', {
				email: 'twice@api.test',
				password: 'not the password'
			});
			const unknown = await new Client(app.url).post('/api/v1/session', {
				email: 'nobody@api.test',
				password: 'not the password'
			});
			expect(wrong.status).toBe(400);
			expect(wrong.json.error.message).toBe(unknown.json.error.message);
		});

		it('lets only the site admin create groups, and the chair appoint secretaries', async () => {
			const anonymous = new Client(app.url);
			const group = {
				slug: `api-${kind}`,
				name: 'API Test Community Reference Group',
				institution: 'Testshire Police',
				purpose: 'To ask **questions**.',
				membershipOpen: true
			};
			expect((await anonymous.post('/api/v1/groups', group)).status).toBe(401);
			await signedUp(app, { email: 'chair@api.test', password, displayName: 'Chair Person' });
			await signedUp(app, { email: 'sec@api.test', password, displayName: 'Secretary Person' });
			const chair = await signedIn('chair@api.test');
			expect((await chair.post('/api/v1/groups', group)).status).toBe(403);

			const admin = await signedIn(adminEmail, adminPassword);
			const created = await admin.post('/api/v1/groups', group);
			expect(created.status).toBe(201);
			expect(created.json.slug).toBe(group.slug);
			const duplicate = await admin.post('/api/v1/groups', group);
			expect(duplicate.status).toBe(409);
			expect(duplicate.json.error.fields.slug).toBeTruthy();

			const roles = `/api/v1/groups/${group.slug}/roles`;
			expect((await chair.post(roles, { email: 'sec@api.test', role: 'secretary' })).status).toBe(
				403
			);
			expect((await admin.post(roles, { email: 'chair@api.test', role: 'chair' })).status).toBe(
				201
			);
			expect((await chair.post(roles, { email: 'sec@api.test', role: 'chair' })).status).toBe(403);
			expect((await chair.post(roles, { email: 'sec@api.test', role: 'secretary' })).status).toBe(
				201
			);
			expect((await chair.post(roles, { email: 'sec@api.test', role: 'secretary' })).status).toBe(
				409
			);
			const missing = await chair.post(roles, { email: 'ghost@api.test', role: 'secretary' });
			expect(missing.status).toBe(400);
			expect(missing.json.error.fields.email).toBeTruthy();

			const read = await anonymous.get(`/api/v1/groups/${group.slug}`);
			expect(read.status).toBe(200);
			expect(read.json.officers.map((o: { role: string }) => o.role).sort()).toEqual([
				'chair',
				'secretary'
			]);
			const record = await anonymous.get(`${roles}.json`);
			expect(record.json.items).toHaveLength(2);
			expect(JSON.stringify(record.json)).not.toContain('@api.test'); // no emails in public data
		});

		it('ends the session a browser held when it signs in again', async () => {
			const client = await signedIn(adminEmail, adminPassword);
			const first = client.cookies.get('session')!;
			expect(
				(await client.post('/api/v1/session', { email: adminEmail, password: adminPassword }))
					.status
			).toBe(200);
			const second = client.cookies.get('session')!;
			expect(second).not.toBe(first);
			const old = await new Client(app.url).get('/api/v1/session', { cookie: `session=${first}` });
			expect(old.json.user).toBeNull();
			expect((await client.get('/api/v1/session')).json.user.email).toBe(adminEmail);
		});

		it('never redirects off-site after signing in or choosing a language', async () => {
			const client = await signedIn(adminEmail, adminPassword);
			// The audit's exact requests, then their relatives.
			for (const target of ['%2F%5Cevil.example', '%2F%09%2Fevil.example', '%2F%2Fevil.example']) {
				const answer = await client.get(`/login?redirectTo=${target}`);
				expect(answer.status).toBe(303);
				expect(answer.headers.get('location')).toBe('/account');
				const signup = await client.get(`/signup?redirectTo=${target}`);
				expect(signup.headers.get('location')).toBe('/account');
			}
			const language = await fetch(`${app.url}/language`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: app.url },
				body: 'lang=en&redirectTo=%2F%5Cevil.example'
			});
			expect(language.status).toBe(303);
			expect(language.headers.get('location')).toBe('/');
			const kept = await client.get('/login?redirectTo=%2Fg%2Fharbour%2Fapply%3Fx%3D1');
			expect(kept.headers.get('location')).toBe('/g/harbour/apply?x=1');
		});

		it('refuses a change sent from another site', async () => {
			const admin = await signedIn(adminEmail, adminPassword);
			const response = await admin.post(
				'/api/v1/groups',
				{ slug: 'foreign-origin' },
				{ origin: 'https://evil.example' }
			);
			expect(response.status).toBe(403);
			expect(response.json.error.code).toBe('foreign_origin');
			const form = await admin.request('POST', '/logout', undefined, {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			});
			expect(form.status).toBe(403);
		});

		it('lists groups as JSON and CSV with ETags, paginated', async () => {
			const admin = await signedIn(adminEmail, adminPassword);
			for (const n of [1, 2, 3]) {
				await admin.post('/api/v1/groups', {
					slug: `page-${n}`,
					name: `Paged group ${n}`,
					institution: 'Council',
					purpose: 'Paging.',
					membershipOpen: false,
					closedReason: 'Closed while the paging is tested.',
					reviewOn: '2099-01-01'
				});
			}
			const anonymous = new Client(app.url);
			const first = await anonymous.get('/api/v1/groups.json?limit=2');
			expect(first.json.items).toHaveLength(2);
			expect(first.json.next).toMatch(/cursor=/);
			expect(first.headers.get('cache-control')).toContain('max-age');
			const etag = first.headers.get('etag')!;
			expect(
				(await anonymous.get('/api/v1/groups.json?limit=2', { 'if-none-match': etag })).status
			).toBe(304);
			const seen = [...first.json.items];
			for (let next = first.json.next; next;) {
				const more = await anonymous.get(next);
				seen.push(...more.json.items);
				next = more.json.next;
			}
			const slugs = seen.map((g: { slug: string }) => g.slug);
			expect(new Set(slugs).size).toBe(slugs.length);
			expect(slugs).toEqual([...slugs].sort());
			expect(slugs).toEqual(expect.arrayContaining(['page-1', 'page-2', 'page-3']));

			const csv = await anonymous.get('/api/v1/groups.csv');
			expect(csv.headers.get('content-type')).toContain('text/csv');
			const [header, ...lines] = csv.text.trim().split('\r\n');
			expect(header.split(',')).toEqual(expect.arrayContaining(['slug', 'name', 'membershipOpen']));
			expect(lines.length).toBe(slugs.length);
		});

		it('answers unknown groups and addresses with a JSON 404', async () => {
			const anonymous = new Client(app.url);
			const group = await anonymous.get('/api/v1/groups/no-such-group');
			expect(group.status).toBe(404);
			expect(group.json.error.code).toBe('not_found');
			expect((await anonymous.get('/api/v1/nothing-here')).json.error.code).toBe('not_found');
			const page = await anonymous.get('/g/no-such-group');
			expect(page.status).toBe(404);
		});

		it('reads the audit trail: the site administrator all of it, paged; anyone else nothing', async () => {
			const admin = await signedIn(adminEmail, adminPassword);
			await admin.post('/api/v1/groups', {
				slug: 'audited',
				name: 'Audited group',
				institution: 'Council',
				purpose: 'Auditing.',
				membershipOpen: true
			});
			const site = await admin.get('/api/v1/audit?limit=1');
			expect(site.status).toBe(200);
			expect(site.headers.get('cache-control')).toBe('private, no-store');
			expect(site.json.items).toHaveLength(1);
			expect(site.json.next).toMatch(/^\/api\/v1\/audit\?limit=1&before=\d+$/);
			const older = await admin.get(site.json.next);
			expect(older.json.items[0].id).toBeLessThan(site.json.items[0].id);
			const group = await admin.get('/api/v1/groups/audited/audit?action=group');
			expect(group.json.items.map((e: { action: string }) => e.action)).toEqual(['group.create']);
			expect(group.json.items[0].actor).toBeTruthy();
			const bad = await admin.get('/api/v1/audit?before=soon');
			expect(bad.status).toBe(400);
			expect(bad.json.error.fields.before).toBeTruthy();
			expect((await new Client(app.url).get('/api/v1/audit')).status).toBe(401);
			const someone = new Client(app.url);
			await someone.post('/api/v1/users', {
				email: 'nosy@api.test',
				password,
				displayName: 'Nosy'
			});
			expect((await someone.get('/api/v1/audit')).status).toBe(403);
			expect((await someone.get('/api/v1/groups/audited/audit')).status).toBe(403);
		});

		it('reports its health', async () => {
			const health = await new Client(app.url).get('/healthz');
			expect(health.json).toMatchObject({ status: 'ok', database: { kind, ok: true } });
		});
	});
}
