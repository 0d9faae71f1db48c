import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';

const password = 'csrf passphrase of some length';

/**
 * Issue 16, S2: a write sent by a page of another site (a foreign `Origin`, or `null` from a
 * sandboxed frame or a `data:` page), or without an `Origin` in a body a browser form could send,
 * is refused with 403 and writes nothing: for page form actions, the JSON API and other
 * endpoints alike, whatever the content type says. The API refuses in its own JSON shape.
 */
const origins = {
	none: undefined,
	null: 'null',
	foreign: 'https://evil.example',
	'same host, other port': 'http://127.0.0.1:1'
} as const;

const contentTypes = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/json',
	'application/json; charset=utf-8',
	'APPLICATION/JSON',
	'none'
] as const;
type ContentType = (typeof contentTypes)[number];

/** A body of the given type carrying `field: value`; the JSON API reads any body as JSON. */
function bodyOf(type: ContentType, field: string, value: string, json: boolean) {
	if (type === 'multipart/form-data') {
		const boundary = 'csrf-boundary';
		return {
			type: `multipart/form-data; boundary=${boundary}`,
			body: `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n--${boundary}--\r\n`
		};
	}
	const text = json
		? JSON.stringify({ [field]: value })
		: new URLSearchParams({ [field]: value }).toString();
	// A string body would get `text/plain` from fetch: bytes go without a content type.
	return type === 'none'
		? { type: undefined, body: new TextEncoder().encode(text) }
		: { type, body: text };
}

for (const kind of databaseKinds) {
	describe(`writes from another site, or without an Origin, are refused [${kind}]`, () => {
		let app: RunningApp;
		let chair: Client;
		const slug = `csrf-${kind}`;
		const refused: string[] = [];

		beforeAll(async () => {
			app = await startAppOn(kind);
			const email = 'admin@csrf.test';
			expect(app.cli('admin-create', ['--email', email, '--password', password]).status).toBe(0);
			const admin = new Client(app.url);
			expect((await admin.post('/api/v1/session', { email, password })).status).toBe(200);
			const group = await admin.post('/api/v1/groups', {
				slug,
				name: 'CSRF Group',
				institution: 'Testshire Police',
				purpose: 'Refusing forged writes.',
				membershipOpen: true
			});
			expect(group.status).toBe(201);
			chair = await signedUp(app, { email: 'chair@csrf.test', password, displayName: 'Chair' });
			const role = await admin.post(`/api/v1/groups/${slug}/roles`, {
				email: 'chair@csrf.test',
				role: 'chair'
			});
			expect(role.status).toBe(201);
		});

		afterAll(async () => {
			await app?.stop();
		});

		const send = async (
			pathname: string,
			type: ContentType,
			origin: string | undefined,
			field: string,
			value: string,
			json: boolean
		) => {
			const { type: contentType, body } = bodyOf(type, field, value, json);
			const response = await fetch(app.url + pathname, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					cookie: `session=${chair.cookies.get('session')}`,
					...(contentType ? { 'content-type': contentType } : {}),
					...(origin ? { origin } : {})
				},
				body
			});
			return { status: response.status, text: await response.text(), headers: response.headers };
		};

		const categories = async () =>
			((await chair.get(`/api/v1/groups/${slug}/categories`)).json.items as { name: string }[]).map(
				(c) => c.name
			);
		const displayName = async () =>
			(await chair.get('/api/v1/session')).json.user.displayName as string;

		it('refuses an API write from another site, or null, in the API error shape, whatever the content type', async () => {
			for (const [label, origin] of Object.entries(origins)) {
				if (label === 'none') continue;
				for (const type of contentTypes) {
					const name = `Forged ${label} ${type}`;
					const answer = await send(
						`/api/v1/groups/${slug}/categories`,
						type,
						origin,
						'name',
						name,
						true
					);
					const what = `${label} Origin, ${type}: ${answer.status} ${answer.text.slice(0, 200)}`;
					expect(answer.status, what).toBe(403);
					expect(answer.headers.get('content-type'), what).toContain('application/json');
					expect(JSON.parse(answer.text).error, what).toMatchObject({
						code: 'foreign_origin',
						message: expect.any(String)
					});
					refused.push(name);
				}
			}
			const names = await categories();
			expect(refused.filter((n) => names.includes(n))).toEqual([]);
		});

		it('refuses an API write without an Origin unless its body is JSON, which browsers cannot send across sites', async () => {
			for (const type of contentTypes) {
				const name = `No origin ${type}`;
				const answer = await send(
					`/api/v1/groups/${slug}/categories`,
					type,
					undefined,
					'name',
					name,
					true
				);
				const what = `no Origin, ${type}: ${answer.status} ${answer.text.slice(0, 200)}`;
				expect(answer.headers.get('content-type'), what).toContain('application/json');
				if (type.toLowerCase().startsWith('application/json')) {
					// An integration or a script (curl): no cookie of a browser's, no Origin to send.
					expect(answer.status, what).toBe(201);
				} else if (type === 'none') {
					// No content type: the body is not read at all, so there is nothing to write.
					expect(answer.status, what).toBe(400);
					expect(JSON.parse(answer.text).error.code, what).toBe('invalid');
					refused.push(name);
				} else {
					expect(answer.status, what).toBe(403);
					expect(JSON.parse(answer.text).error.code, what).toBe('foreign_origin');
					refused.push(name);
				}
			}
			const names = await categories();
			expect(refused.filter((n) => names.includes(n))).toEqual([]);
		});

		it('refuses a page form action from another site, null, or without an Origin, with 403', async () => {
			const before = await displayName();
			for (const [label, origin] of Object.entries(origins)) {
				for (const type of contentTypes) {
					const answer = await send(
						'/account?/profile',
						type,
						origin,
						'displayName',
						`Forged ${label}`,
						type.toLowerCase().startsWith('application/json')
					);
					const what = `${label} Origin, ${type}: ${answer.status} ${answer.text.slice(0, 200)}`;
					const form = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
					if (label !== 'none' || form.includes(type)) {
						expect(answer.status, what).toBe(403);
					} else {
						// Not a form at all: SvelteKit's actions take only form bodies.
						expect(answer.status, what).toBe(415);
					}
				}
			}
			expect(await displayName()).toBe(before);
		});

		it('refuses a write to an endpoint that is not the API (the language switcher) alike, never with a 5xx', async () => {
			for (const [label, origin] of [...Object.entries(origins), ['this site', app.url]]) {
				for (const type of contentTypes) {
					const answer = await send('/language', type, origin, 'lang', 'ar', false);
					const what = `${label} Origin, ${type}: ${answer.status} ${answer.text.slice(0, 200)}`;
					expect(answer.status, what).toBeLessThan(500);
					const form = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
					if (label === 'this site') continue;
					if (label !== 'none' || form.includes(type)) expect(answer.status, what).toBe(403);
					expect(answer.headers.get('set-cookie') ?? '', what).not.toContain('lang=');
				}
			}
			expect(app.output()).not.toMatch(/unexpected error/);
		});

		it('accepts the same writes from this site', async () => {
			const api = await send(
				`/api/v1/groups/${slug}/categories`,
				'application/json',
				app.url,
				'name',
				'Same origin',
				true
			);
			expect(api.status).toBe(201);
			const form = await send(
				'/account?/profile',
				'application/x-www-form-urlencoded',
				app.url,
				'displayName',
				'Renamed here',
				false
			);
			expect(form.status).toBe(200);
			expect(await displayName()).toBe('Renamed here');
			const multipart = await send(
				'/account?/profile',
				'multipart/form-data',
				app.url,
				'displayName',
				'Renamed again',
				false
			);
			expect(multipart.status).toBe(200);
			expect(await displayName()).toBe('Renamed again');
			const language = await send(
				'/language',
				'application/x-www-form-urlencoded',
				app.url,
				'lang',
				'ar',
				false
			);
			expect(language.status).toBe(303);
			expect(language.headers.get('set-cookie')).toContain('lang=ar');
		});
	});
}
