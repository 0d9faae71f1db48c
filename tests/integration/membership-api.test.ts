import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { startMailServer, waitFor, type MailServer } from '../fixtures/mail-server';

const adminEmail = 'admin@membership-api.test';
const adminPassword = 'membership admin passphrase';
const password = 'correct horse battery staple';

const application = (name: string, category = 'Legal advice') => ({
	organisation: {
		name,
		category,
		website: 'https://example.org',
		area: 'Riverside',
		description: `${name} gives free advice.`
	},
	contact: { name: 'Private Contact Person', email: 'private.contact@membership-api.test' },
	statement: 'Our clients are held in the custody suites.'
});

for (const kind of databaseKinds) {
	describe(`membership API on the built app [${kind}]`, () => {
		let app: RunningApp;
		let mail: MailServer;
		const slug = `members-${kind}`;
		const base = `/api/v1/groups/${slug}`;
		let chair: Client;
		let secretary: Client;
		let applicant: Client;
		let anonymous: Client;

		const account = async (email: string) => {
			return signedUp(app, { email, password, displayName: email });
		};

		beforeAll(async () => {
			mail = await startMailServer();
			app = await startAppOn(kind, { SMTP_URL: mail.url, MAIL_FROM: 'CRG <crg@example.org>' });
			const created = app.cli('admin-create', ['--email', adminEmail, '--password', adminPassword]);
			expect(created.status).toBe(0);
			admin = new Client(app.url);
			await admin.post('/api/v1/session', { email: adminEmail, password: adminPassword });
			chair = await account('chair@membership-api.test');
			secretary = await account('secretary@membership-api.test');
			applicant = await account('applicant@membership-api.test');
			anonymous = new Client(app.url);
			const group = await admin.post('/api/v1/groups', {
				slug,
				name: 'Membership API Group',
				institution: 'Testshire Police',
				purpose: 'Testing.',
				membershipOpen: true
			});
			expect(group.status).toBe(201);
			expect(
				(await admin.post(`${base}/roles`, { email: 'chair@membership-api.test', role: 'chair' }))
					.status
			).toBe(201);
			expect(
				(
					await chair.post(`${base}/roles`, {
						email: 'secretary@membership-api.test',
						role: 'secretary'
					})
				).status
			).toBe(201);
		});

		afterAll(async () => {
			await app?.stop();
			await mail?.close();
		});

		let refusedId = '';
		let admin: Client;

		it('takes an application from a signed-in applicant, with field messages for bad input', async () => {
			expect((await anonymous.post(`${base}/applications`, application('Law Centre'))).status).toBe(
				401
			);
			const bad = await applicant.post(`${base}/applications`, {
				organisation: { name: '', category: 'Legal advice' },
				contact: { email: 'nope' }
			});
			expect(bad.status).toBe(400);
			expect(Object.keys(bad.json.error.fields)).toEqual(
				expect.arrayContaining(['organisation.name', 'contact.email', 'statement'])
			);
			const made = await applicant.post(`${base}/applications`, application('Harbour Law Centre'));
			expect(made.status).toBe(201);
			expect(made.json).toMatchObject({
				status: 'submitted',
				organisation: { name: 'Harbour Law Centre', category: 'Legal advice' }
			});
			expect(made.text).not.toContain('private.contact');
			expect(made.text).not.toContain('Private Contact');
			refusedId = made.json.id;
			const twice = await applicant.post(`${base}/applications`, application('harbour law centre'));
			expect(twice.status).toBe(409);
		});

		it('lets only the chair decide; a refusal needs a reason; deciding twice is a conflict', async () => {
			const path = `${base}/applications/${refusedId}`;
			expect((await secretary.post(`${path}/review`)).status).toBe(200);
			const bySecretary = await secretary.post(`${path}/decision`, {
				outcome: 'refused',
				reason: 'The group has reached the number of organisations it can support.'
			});
			expect(bySecretary.status).toBe(403);
			const noReason = await chair.post(`${path}/decision`, { outcome: 'refused' });
			expect(noReason.status).toBe(400);
			expect(noReason.json.error.fields.reason).toBeTruthy();
			const refused = await chair.post(`${path}/decision`, {
				outcome: 'refused',
				reason: 'The group has reached the number of organisations it can support.'
			});
			expect(refused.status).toBe(200);
			expect(refused.json).toMatchObject({ status: 'refused', decidedBy: 'chair' });
			const again = await chair.post(`${path}/decision`, { outcome: 'accepted' });
			expect(again.status).toBe(409);
			expect(again.json.error.code).toBe('conflict');
		});

		it('emails the applicant about the decision', async () => {
			const sent = await waitFor(() =>
				mail.mails.find((m) => m.data.includes('Harbour Law Centre'))
			);
			expect(sent.to).toEqual(['private.contact@membership-api.test']);
			expect(sent.data).toContain('has refused the application');
			expect(sent.data).toContain('the number of organisations');
			// From the outbox: its row id names the message; text and escaped HTML alike.
			expect(sent.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
			expect(sent.headers).toContain('multipart/alternative');
			expect(sent.data).toContain('<p>Dear <bdi>Private Contact Person</bdi>,</p>');
		});

		it('shows the refusal and its reason in the public register, never the contact', async () => {
			const list = await anonymous.get(`${base}/applications.json`);
			expect(list.status).toBe(200);
			expect(list.json.items[0]).toMatchObject({
				id: refusedId,
				status: 'refused',
				reason: 'The group has reached the number of organisations it can support.'
			});
			expect(list.text).not.toMatch(/private\.contact|Private Contact|custody suites/);
			const csv = await anonymous.get(`${base}/applications.csv?outcome=refused`);
			expect(csv.headers.get('content-type')).toContain('text/csv');
			expect(csv.text.split('\r\n')[0]).toContain('organisation.name');
			expect(csv.text).toContain('Harbour Law Centre');
			expect(csv.text).not.toContain('private.contact');
			const etag = list.headers.get('etag')!;
			expect(
				(await anonymous.get(`${base}/applications.json`, { 'if-none-match': etag })).status
			).toBe(304);
			const none = await anonymous.get(`${base}/applications.json?outcome=accepted`);
			expect(none.json.items).toHaveLength(0);
			const one = await anonymous.get(`${base}/applications/${refusedId}`);
			expect(one.json.timeline.map((e: { event: string }) => e.event)).toEqual([
				'submitted',
				'under_review',
				'refused'
			]);
		});

		it('lets the applicant appeal once, and (no vice-chair being appointed) the site admin, never the chair who refused, overturn it', async () => {
			const path = `${base}/applications/${refusedId}`;
			expect((await chair.post(`${path}/appeal`, { statement: 'Not mine.' })).status).toBe(403);
			const appealed = await applicant.post(`${path}/appeal`, { statement: 'Please reconsider.' });
			expect(appealed.status).toBe(200);
			expect(appealed.json.appeal.status).toBe('pending');
			expect((await applicant.post(`${path}/appeal`, { statement: 'Again.' })).status).toBe(409);
			const own = await chair.post(`${path}/appeal/decision`, {
				outcome: 'overturned',
				reason: 'The Service has agreed to support one more organisation.'
			});
			expect(own.status).toBe(403);
			const decided = await admin.post(`${path}/appeal/decision`, {
				outcome: 'overturned',
				reason: 'The Service has agreed to support one more organisation.'
			});
			expect(decided.status).toBe(200);
			expect(decided.json).toMatchObject({ status: 'accepted', appeal: { status: 'overturned' } });
			const members = await anonymous.get(`${base}/members.json?current=true`);
			expect(
				members.json.items.map((m: { organisation: { name: string } }) => m.organisation.name)
			).toEqual(['Harbour Law Centre']);
			await waitFor(() => mail.mails.find((m) => m.data.includes('the refusal is overturned')));
		});

		it('lets the applicant withdraw, after which nothing can be decided', async () => {
			const made = await applicant.post(
				`${base}/applications`,
				application('Night Shelter', 'Faith group')
			);
			const path = `${base}/applications/${made.json.id}`;
			expect((await chair.post(`${path}/withdraw`)).status).toBe(403);
			expect((await applicant.post(`${path}/withdraw`)).json.status).toBe('withdrawn');
			const decide = await chair.post(`${path}/decision`, { outcome: 'accepted' });
			expect(decide.status).toBe(409);
		});

		it('closes membership with a reason and review date, and refuses applications meanwhile', async () => {
			const reason = 'Pending a review of the terms of reference.';
			expect(
				(
					await secretary.post(`${base}/membership`, {
						open: false,
						reason,
						reviewOn: '2099-01-01'
					})
				).status
			).toBe(403);
			const closed = await chair.post(`${base}/membership`, {
				open: false,
				reason,
				reviewOn: '2099-01-01'
			});
			expect(closed.status).toBe(201);
			const state = await anonymous.get(`${base}/membership`);
			expect(state.json).toMatchObject({
				open: false,
				items: [{ reason, reviewOn: '2099-01-01' }]
			});
			const made = await applicant.post(`${base}/applications`, application('Women’s Network'));
			expect(made.status).toBe(201);
			expect(made.json).toMatchObject({ status: 'refused', reason, refusedWhileClosed: true });
			expect(
				(await chair.post(`${base}/membership`, { open: true, reason: 'The review is done.' }))
					.status
			).toBe(201);
		});

		it('ends a membership by the chair with a public reason', async () => {
			const members = await anonymous.get(`${base}/members.json`);
			const id = members.json.items[0].id;
			expect((await chair.post(`${base}/members/${id}/end`, {})).status).toBe(400);
			const ended = await chair.post(`${base}/members/${id}/end`, {
				reason: 'The organisation has closed its Riverside office.'
			});
			expect(ended.status).toBe(200);
			expect(ended.json.endedBy).toBe('chair');
			expect(
				(await chair.post(`${base}/members/${id}/end`, { reason: 'x'.repeat(30) })).status
			).toBe(409);
		});

		it('exports the decision log, which verify-log accepts, and names a tampered entry', async () => {
			const log = await anonymous.get(`${base}/decisions.json?limit=2`);
			expect(log.json.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
			expect(log.json.next).toMatch(/cursor=/);
			const runVerify = (target: string) =>
				spawnSync(
					process.execPath,
					['node_modules/tsx/dist/cli.mjs', 'scripts/verify-log.ts', target],
					{ encoding: 'utf8' }
				);
			// From the URL, following every page.
			const ok = runVerify(`${app.url}${base}/decisions.json?limit=2`);
			expect(ok.stdout).toMatch(/^OK: 9 entries verified/);
			expect(ok.status).toBe(0);

			const full = await anonymous.get(`${base}/decisions.json`);
			const kinds = full.json.items.map((e: { kind: string }) => e.kind);
			expect(kinds).toEqual([
				'officer.appointed',
				'officer.appointed',
				'application.refused',
				'appeal.referred',
				'appeal.overturned',
				'membership.closed',
				'application.refused',
				'membership.opened',
				'membership.ended'
			]);
			const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfloor-log-'));
			const file = path.join(dir, 'decisions.json');
			const text = full.text;
			// One byte in the fourth entry: "Pending" → "Pendinh" (the closure's reason, as applied).
			const at = text.indexOf('Pending', text.indexOf('"seq":7'));
			fs.writeFileSync(file, text.slice(0, at + 6) + 'h' + text.slice(at + 7));
			const broken = runVerify(file);
			expect(broken.status).toBe(1);
			expect(broken.stderr).toContain('BROKEN at entry 7 (seq 7)');
			fs.rmSync(dir, { recursive: true, force: true });
		});

		it('keeps a decision when the mail server is down', async () => {
			await mail.close();
			const made = await applicant.post(`${base}/applications`, application('Race Institute'));
			const decided = await chair.post(`${base}/applications/${made.json.id}/decision`, {
				outcome: 'accepted'
			});
			expect(decided.status).toBe(200);
			await new Promise((r) => setTimeout(r, 300));
			const read = await anonymous.get(`${base}/applications/${made.json.id}`);
			expect(read.json.status).toBe('accepted');
			expect((await anonymous.get('/healthz')).status).toBe(200);
		});

		it('serves the membership pages to a signed-out visitor without the contact', async () => {
			for (const page of [
				'applications',
				'members',
				'decisions',
				'apply',
				`applications/${refusedId}`
			]) {
				const response = await anonymous.get(`/g/${slug}/${page}`);
				expect(response.status).toBe(200);
				expect(response.text).not.toContain('private.contact');
			}
			// The register pages through every application exactly once, newest first.
			const all = (await anonymous.get(`${base}/applications.json`)).json.items;
			const seen: { id: string; submittedAt: string }[] = [];
			for (let next = `${base}/applications.json?limit=2`; next;) {
				const page = await anonymous.get(next);
				seen.push(...page.json.items);
				next = page.json.next;
			}
			expect(seen.map((a) => a.id)).toEqual(all.map((a: { id: string }) => a.id));
			expect(seen.length).toBe(4);
			const times = seen.map((a) => a.submittedAt);
			expect(times).toEqual([...times].sort().reverse());
			const year = new Date().getUTCFullYear();
			expect(
				(await anonymous.get(`${base}/applications.json?year=${year}&category=Faith%20group`)).json
					.items
			).toHaveLength(1);
			expect(
				(await anonymous.get(`${base}/applications.json?year=${year - 1}`)).json.items
			).toHaveLength(0);
			const paged = await anonymous.get(`/g/${slug}/applications?outcome=refused`);
			expect(paged.text).toContain('Women’s Network');
			expect(paged.text).not.toContain('Night Shelter');
			const register = await anonymous.get(`/g/${slug}/applications`);
			expect(register.text).toContain('The group has reached the number of organisations');
			const decisions = await anonymous.get(`/g/${slug}/decisions`);
			expect(decisions.text).toContain('Verified: all 10 entries hold together');
		});
	});
}
