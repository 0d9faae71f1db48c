import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { startMailServer, waitFor, type MailServer } from '../fixtures/mail-server';

const adminEmail = 'admin@mail-app.test';
const password = 'mail app passphrase of some length';
const contact = 'contact.person@mail-app.test';

/** A form action posted as `use:enhance` posts it. */
async function postAction(app: RunningApp, client: Client, action: string, fields: object) {
	const response = await client.post(
		`/admin?/${action}`,
		new URLSearchParams(fields as Record<string, string>),
		{ origin: app.url, accept: 'application/json', 'x-sveltekit-action': 'true' }
	);
	return response.json as { type: string; status: number; data?: string };
}

// Issue 14 §4: the site administrator sees deliveries given up, and sends them again.
for (const kind of databaseKinds) {
	describe(`failed email deliveries on the admin page [${kind}]`, () => {
		let app: RunningApp;
		let server: MailServer;
		let refuse = true;
		const admin = () => new Client(app.url);
		let signedInAdmin: Client;
		let applicant: Client;
		/** What reached the contact (the applicant's own confirmation reaches them too). */
		const toContact = () => server.mails.filter((mail) => mail.to.includes(contact));

		beforeAll(async () => {
			// Only the contact's mailbox is unavailable (the applicant's confirmation goes through).
			server = await startMailServer((mail) =>
				refuse && mail.to.includes(contact)
					? { code: 550, message: 'Mailbox unavailable' }
					: undefined
			);
			app = await startAppOn(kind, { SMTP_URL: server.url, MAIL_FROM: 'CRG <crg@mail-app.test>' });
			expect(app.cli('admin-create', ['--email', adminEmail, '--password', password]).status).toBe(
				0
			);
			signedInAdmin = admin();
			await signedInAdmin.post('/api/v1/session', { email: adminEmail, password });
			// Membership closed: the application is refused at once, and its contact emailed.
			const group = await signedInAdmin.post('/api/v1/groups', {
				slug: `mail-${kind}`,
				name: 'Mail Group',
				institution: 'Testshire Police',
				purpose: 'Testing.',
				membershipOpen: false,
				closedReason: 'Pending a review of the terms of reference.',
				reviewOn: '2099-01-01'
			});
			expect(group.status, group.text).toBe(201);
			applicant = await signedUp(app, {
				email: 'applicant@mail-app.test',
				password,
				displayName: 'Applicant'
			});
			const applied = await applicant.post(`/api/v1/groups/mail-${kind}/applications`, {
				organisation: {
					name: 'Harbour Advice',
					category: 'Legal advice',
					area: 'Riverside',
					description: 'Free legal advice.'
				},
				contact: { name: 'Contact Person', email: contact },
				statement: 'We advise people held in custody.'
			});
			expect(applied.json?.status, applied.text).toBe('refused');
		});

		afterAll(async () => {
			await app?.stop();
			await server?.close();
		});

		it('lists a delivery the mail server refused for good, to the site administrator only', async () => {
			const page = await waitFor(async () => {
				const html = (await signedInAdmin.get('/admin')).text;
				return html.includes(contact) && html.includes('No message is waiting') ? html : undefined;
			});
			expect(page).toContain('Mailbox unavailable');
			expect((await applicant.get('/admin')).status).toBe(403);
			expect(toContact()).toHaveLength(0);
		});

		it('sends it again when the site administrator asks, and nobody else may', async () => {
			const page = (await signedInAdmin.get('/admin')).text;
			const id = /name="id" value="([0-9a-f-]{36})"/.exec(page)![1];
			refuse = false;
			expect(await postAction(app, applicant, 'retryMail', { id })).toMatchObject({
				type: 'failure',
				status: 403
			});
			expect(await postAction(app, admin(), 'retryMail', { id })).toMatchObject({
				type: 'redirect'
			});
			await new Promise((r) => setTimeout(r, 200));
			expect(toContact()).toHaveLength(0);

			expect(await postAction(app, signedInAdmin, 'retryMail', { id })).toMatchObject({
				type: 'success'
			});
			const sent = await waitFor(() => toContact()[0]);
			expect(sent.to).toEqual([contact]);
			expect(sent.data).toContain('recorded and refused automatically');
			expect((await signedInAdmin.get('/admin')).text).toContain('No delivery has been given up.');
		});
	});
}
