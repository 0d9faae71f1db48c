import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { checkpointSignatureHolds, publicKeyFrom } from '$lib/server/decision-log/checkpoint';

const memberPassword = 'demo-member-passphrase';

for (const kind of databaseKinds) {
	describe(`signed checkpoints on the built app, with the demo [${kind}]`, () => {
		let app: RunningApp;
		const api = '/api/v1/groups/harbour';
		const reader = () => new Client(app.url);
		const signIn = async (email: string, password = memberPassword) => {
			const client = new Client(app.url);
			expect((await client.post('/api/v1/session', { email, password })).status).toBe(200);
			return client;
		};

		beforeAll(async () => {
			app = await startAppOn(kind);
			const loaded = app.cli('demo', []);
			expect(loaded.status, loaded.stderr).toBe(0);
		});
		afterAll(async () => {
			await app?.stop();
		});

		it('publishes the key, the checkpoints and their countersignatures, and verify-log checks them', async () => {
			const key = await reader().get('/.well-known/openfloor-log-key');
			expect(key.status).toBe(200);
			expect(key.json).toMatchObject({ algorithm: 'Ed25519', publicKey: expect.any(String) });
			expect(key.json.pem).toContain('BEGIN PUBLIC KEY');
			const list = await reader().get(`${api}/checkpoints.json`);
			expect(list.status).toBe(200);
			// Four publications of minutes and the head (the start-up schedule may add one while the
			// demo loads).
			const count = list.json.items.length;
			expect(count).toBeGreaterThanOrEqual(5);
			const latest = await reader().get(`${api}/checkpoints/latest.json`);
			expect(latest.json).toEqual(list.json.items[0]);
			expect(latest.json.countersignatures).toHaveLength(2);
			expect(checkpointSignatureHolds(latest.json, publicKeyFrom(key.text))).toBe(true);
			const paged = await reader().get(`${api}/checkpoints?limit=2`);
			expect(paged.json.items).toEqual(list.json.items.slice(0, 2));
			const rest = await reader().get(paged.json.next);
			expect(rest.json.items[0]).toEqual(list.json.items[2]);
			expect((await reader().get('/api/v1/groups/nowhere/checkpoints')).status).toBe(404);

			// The export and the checkpoint from the app, the key from its well-known address.
			const verified = spawnSync(
				process.execPath,
				[
					'node_modules/tsx/dist/cli.mjs',
					'scripts/verify-log.ts',
					`${app.url}${api}/decisions.json?limit=10`,
					'--checkpoint',
					`${app.url}${api}/checkpoints.json`
				],
				{ encoding: 'utf8' }
			);
			expect(verified.stdout).toContain(`OK: the log extends ${count} signed checkpoint(s)`);
			expect(verified.status).toBe(0);
		});

		it('shows the latest checkpoint on the decisions page, the minutes and the feed', async () => {
			const latest = (await reader().get(`${api}/checkpoints/latest.json`)).json;
			const decisions = await reader().get('/g/harbour/decisions');
			expect(decisions.text).toContain('Signed checkpoint');
			expect(decisions.text).toContain(latest.signature);
			expect(decisions.text).toContain(latest.head);
			for (const c of latest.countersignatures) expect(decisions.text).toContain(c.organisation);
			const key = (await reader().get('/.well-known/openfloor-log-key')).json.publicKey;
			expect(decisions.text).toContain(key);
			expect(decisions.text).toContain('Question rejected');
			expect(decisions.text).toContain('Correction to the minutes declined');
			expect(decisions.text).not.toContain('action="?/countersign"');
			const arabic = await reader().get('/g/harbour/decisions', { cookie: 'lang=ar' });
			expect(arabic.text).toContain('نقطة تحقق موقّعة');

			// One version's page, its checkpoint signed: the same for ever, and cached so.
			const minutes = await reader().get('/g/harbour/meetings/1/minutes?version=1');
			expect(minutes.text).toContain('Decision log checkpoint signed after this version');
			expect(minutes.text).toContain('exactly as it was published');
			expect(minutes.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			// A version compared with another is the whole page again, corrections and all: what the
			// fixed page leaves out is kept for it under a name of its own, not served to this one.
			const fixedFirst = await reader().get('/g/harbour/meetings/2/minutes?version=1');
			expect(fixedFirst.text).not.toContain('how long people wait in custody');
			const compared = await reader().get('/g/harbour/meetings/2/minutes?version=1&from=1&to=1');
			expect(compared.text).toContain('how long people wait in custody');

			const feed = await reader().get('/g/harbour/feed.xml');
			const entries = feed.text.split('<entry>').length - 1;
			expect(entries).toBeGreaterThan(0);
			expect(feed.text.split('<openfloor:checkpoint ').length - 1).toBe(entries);
			expect(feed.text).toContain(`signature="${latest.signature}"`);
		});

		it('takes a countersignature from a member representative once, by form or JSON, and no one else', async () => {
			const { size } = (await reader().get(`${api}/checkpoints/latest.json`)).json;
			const path = `${api}/checkpoints/${size}/countersign`;
			expect((await reader().post(path, {})).status).toBe(401);
			const chair = await signIn('chair@harbour.example', 'demo-chair-passphrase');
			const refused = await chair.post(path, {});
			expect(refused.status).toBe(403);
			expect(refused.json.error.code).toBe('not_allowed');
			const priya = await signIn('priya.raman@members.example');
			const signed = await priya.post(path, {});
			expect(signed.status).toBe(201);
			expect(signed.json.countersignatures).toHaveLength(3);
			expect((await priya.post(path, {})).status).toBe(409);
			expect((await priya.post(`${api}/checkpoints/9999/countersign`, {})).status).toBe(404);

			// Without JavaScript: the decisions page offers the form, and a plain post works.
			const hodan = await signIn('hodan.ali@members.example');
			const page = await hodan.get('/g/harbour/decisions');
			expect(page.text).toContain('action="?/countersign"');
			const post = () =>
				fetch(`${app.url}/g/harbour/decisions?/countersign`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded',
						origin: app.url,
						cookie: [...hodan.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
					},
					body: new URLSearchParams({ size: String(size) })
				});
			const posted = await post();
			expect(posted.status).toBe(200);
			expect(await posted.text()).toContain('your organisation has countersigned this checkpoint');
			const again = await post();
			expect(again.status).toBe(409);
			expect(await again.text()).toContain('already countersigned');
			const latest = (await reader().get(`${api}/checkpoints/latest.json`)).json;
			expect(latest.countersignatures).toHaveLength(4);
		});
	});
}
