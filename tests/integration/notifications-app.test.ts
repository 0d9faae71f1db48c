import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedUp, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { startMailServer, waitFor, type MailServer } from '../fixtures/mail-server';

const adminEmail = 'admin@notify-app.test';
/** What a browser asks for (a page and an endpoint share the unsubscribe address). */
const html = { accept: 'text/html' };
const password = 'notify app passphrase of some length';

/** The value of one header in a received message's header block (folded lines joined). */
function header(headers: string, name: string) {
	const unfolded = headers.replace(/\r\n[ \t]+/g, ' ');
	return new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1];
}

/** The attached .ics of a received message, decoded from its transfer encoding. */
function calendarOf(data: string) {
	const part = /Content-Type: text\/calendar[\s\S]*?\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(data);
	if (!part) return '';
	const head = data.slice(part.index, part.index + part[0].length - part[1].length);
	return /base64/i.test(head) ? Buffer.from(part[1], 'base64').toString('utf8') : part[1];
}

// Issue 14 §3 through the built app: a real SMTP server, a follower by address alone and one by
// account, the one-click unsubscribe a mail provider sends.
for (const kind of databaseKinds) {
	describe(`notifications on the built app [${kind}]`, () => {
		let app: RunningApp;
		let server: MailServer;
		let chair: Client;
		let reader: Client;
		const slug = `notify-${kind}`;
		const mailsTo = (address: string) => server.mails.filter((m) => m.to.includes(address));

		beforeAll(async () => {
			server = await startMailServer();
			app = await startAppOn(kind, { SMTP_URL: server.url, MAIL_FROM: 'CRG <crg@notify.test>' });
			expect(app.cli('admin-create', ['--email', adminEmail, '--password', password]).status).toBe(
				0
			);
			const admin = new Client(app.url);
			await admin.post('/api/v1/session', { email: adminEmail, password });
			const group = await admin.post('/api/v1/groups', {
				slug,
				name: 'Notify Group',
				institution: 'Testshire Police',
				purpose: 'Testing.',
				membershipOpen: true,
				timeZone: 'UTC'
			});
			expect(group.status, group.text).toBe(201);
			chair = await signedUp(app, { email: 'chair@notify.test', password, displayName: 'Chair' });
			expect(
				(
					await admin.post(`/api/v1/groups/${slug}/roles`, {
						email: 'chair@notify.test',
						role: 'chair'
					})
				).status
			).toBe(201);
			reader = await signedUp(app, {
				email: 'reader@notify.test',
				password,
				displayName: 'Reader'
			});
		});

		afterAll(async () => {
			await app?.stop();
			await server?.close();
		});

		it('follows by address after its link, and by account at once', async () => {
			const visitor = new Client(app.url);
			const form = await visitor.post(
				`/g/${slug}/follow?/email`,
				new URLSearchParams({ email: 'neighbour@notify.test' }),
				{ origin: app.url, accept: 'text/html' }
			);
			expect(form.status).toBe(200);
			expect(form.text).toContain('a link to confirm is on its way');
			const optIn = await waitFor(() => mailsTo('neighbour@notify.test')[0]);
			const link = /https?:\/\/[^\s]+\/follow\/[a-z0-9]+/.exec(optIn.data)?.[0];
			expect(link).toBeTruthy();
			const path = new URL(link!).pathname;
			// Opening the link changes nothing (mail scanners open every link); its button does.
			expect((await visitor.get(path)).text).toContain('neighbour@notify.test');
			const confirmed = await visitor.post(path, new URLSearchParams(), {
				origin: app.url,
				accept: 'text/html'
			});
			expect(confirmed.text).toContain('Confirmed');
			const again = await visitor.post(path, new URLSearchParams(), {
				origin: app.url,
				accept: 'text/html'
			});
			expect(again.status).toBe(404);
			expect(again.text).toContain('This link does not work');

			const followed = await reader.post(`/api/v1/groups/${slug}/follow`);
			expect(followed.json).toEqual({ following: true, emailConfirmed: true });
		});

		it('emails both when a meeting is published, with its calendar entry and a one-click unsubscribe', async () => {
			const start = new Date(Date.now() + 3 * 86_400_000);
			const made = await chair.post(`/api/v1/groups/${slug}/meetings`, {
				title: 'Stop and search review',
				startsAt: start.toISOString(),
				endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
				participation: 'open'
			});
			expect(made.status, made.text).toBe(201);
			const scheduled = await chair.request('PATCH', `/api/v1/groups/${slug}/meetings/1`, {
				state: 'scheduled'
			});
			expect(scheduled.status, scheduled.text).toBe(200);
			const told = await waitFor(() => {
				const both = ['neighbour@notify.test', 'reader@notify.test'].map(
					(a) => mailsTo(a).filter((m) => /is scheduled/.test(m.data))[0]
				);
				return both.every(Boolean) ? both : undefined;
			}, 10_000);
			for (const mail of told) {
				expect(header(mail.headers, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
				expect(header(mail.headers, 'List-Unsubscribe')).toMatch(
					/^<http:\/\/127\.0\.0\.1:\d+\/notifications\/[^>]+\/unsubscribe\?topic=meetings>$/
				);
				expect(mail.data).toMatch(/Content-Type: text\/calendar/i);
				expect(calendarOf(mail.data)).toContain('SUMMARY:Notify Group: Stop and search review');
				// Nobody else's address.
				expect(mail.data).not.toContain(
					mail.to[0] === 'reader@notify.test' ? 'neighbour@notify.test' : 'reader@notify.test'
				);
			}
			const readerMail = told[1];
			const unsubscribe = new URL(header(readerMail.headers, 'List-Unsubscribe')!.slice(1, -1));

			// Someone else's token, altered: refused, and nothing changes.
			const forged = unsubscribe.pathname.replace(
				/\.([A-Za-z0-9_-])/,
				(_, c: string) => `.${c === 'A' ? 'B' : 'A'}`
			);
			const provider = new Client(app.url);
			const refused = await provider.post(
				forged + unsubscribe.search,
				new URLSearchParams({ 'List-Unsubscribe': 'One-Click' })
			);
			expect(refused.status).toBe(404);
			expect((await reader.get('/api/v1/notifications')).json.choices.meetings).toBe('now');

			// RFC 8058: the provider POSTs from its own servers, no cookie, no Origin.
			const oneClick = await provider.post(
				unsubscribe.pathname + unsubscribe.search,
				new URLSearchParams({ 'List-Unsubscribe': 'One-Click' })
			);
			expect(oneClick.status).toBe(200);
			const settings = (await reader.get('/api/v1/notifications')).json;
			expect(settings.choices).toMatchObject({ meetings: 'off', minutes: 'now' });
			expect(settings.groups).toEqual([expect.objectContaining({ slug })]);

			// The settings page itself keeps the app's CSRF check: another site cannot stop it all.
			const settingsPage = unsubscribe.pathname.replace(/\/unsubscribe$/, '');
			expect((await provider.get(settingsPage)).status).toBe(200);
			const foreign = await provider.post(`${settingsPage}?/stopAll`, new URLSearchParams(), {
				origin: 'https://evil.test'
			});
			expect(foreign.status).toBe(403);
		});

		it('answers bad input with field messages and never a 5xx', async () => {
			const visitor = new Client(app.url);
			const bad = await visitor.post(`/api/v1/groups/${slug}/follow`, { email: 'nope' });
			expect(bad.status).toBe(400);
			expect(bad.json.error.fields.email).toBeTruthy();
			const choice = await reader.request('PATCH', '/api/v1/notifications', { meetings: 'hourly' });
			expect(choice.status).toBe(400);
			expect(choice.json.error.fields.meetings).toBeTruthy();
			expect((await visitor.get('/api/v1/notifications')).status).toBe(401);
			expect((await visitor.get('/notifications/not-a-token')).status).toBe(200);
			expect(
				(await visitor.get('/notifications/not-a-token/unsubscribe?topic=x', html)).text
			).toContain('This link does not work');
			expect((await visitor.post('/api/v1/follow-confirmations/made-up')).status).toBe(404);
		});
	});
}
