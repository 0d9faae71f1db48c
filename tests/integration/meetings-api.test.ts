import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';

const adminEmail = 'admin@meetings-api.test';
const adminPassword = 'meetings api admin passphrase';
const password = 'correct horse battery staple';

/** `YYYY-MM-DDTHH:mm` in UTC, some days from now (the group's zone is UTC here). */
const inDays = (days: number, hour: number) => {
	const d = new Date(Date.now() + days * 86_400_000);
	d.setUTCHours(hour, 0, 0, 0);
	return d.toISOString().slice(0, 16);
};

const pdfBytes = () => {
	const bytes = new Uint8Array(3000).fill(0x20);
	bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
	return bytes;
};

for (const kind of databaseKinds) {
	describe(`meetings API on the built app [${kind}]`, () => {
		let app: RunningApp;
		let secretary: Client;
		let chair: Client;
		let representative: Client;
		let membershipId: string;
		const slug = `meet-${kind}`;
		const base = `/api/v1/groups/${slug}/meetings`;

		const signUp = async (email: string, displayName: string) => {
			return signedUp(app, { email, password, displayName });
		};

		beforeAll(async () => {
			app = await startAppOn(kind);
			const created = app.cli('admin-create', ['--email', adminEmail, '--password', adminPassword]);
			expect(created.status).toBe(0);
			const admin = new Client(app.url);
			expect(
				(await admin.post('/api/v1/session', { email: adminEmail, password: adminPassword })).status
			).toBe(200);
			expect(
				(
					await admin.post('/api/v1/groups', {
						slug,
						name: 'Meetings API Group',
						institution: 'Testshire Police',
						purpose: 'Testing meetings.',
						membershipOpen: true,
						timeZone: 'UTC'
					})
				).status
			).toBe(201);
			chair = await signUp('chair@meetings-api.test', 'Chair');
			secretary = await signUp('secretary@meetings-api.test', 'Secretary');
			representative = await signUp('rep@meetings-api.test', 'Representative');
			const roles = `/api/v1/groups/${slug}/roles`;
			expect(
				(await admin.post(roles, { email: 'chair@meetings-api.test', role: 'chair' })).status
			).toBe(201);
			expect(
				(await chair.post(roles, { email: 'secretary@meetings-api.test', role: 'secretary' }))
					.status
			).toBe(201);
			const application = await representative.post(`/api/v1/groups/${slug}/applications`, {
				organisation: {
					name: 'Riverside Law Centre',
					category: 'Legal advice',
					area: 'Riverside',
					description: 'Free legal advice.'
				},
				contact: { name: 'Rep', email: 'rep@meetings-api.test' },
				statement: 'We advise people held in custody.'
			});
			expect(application.status).toBe(201);
			const decided = await chair.post(
				`/api/v1/groups/${slug}/applications/${application.json.id}/decision`,
				{ outcome: 'accepted' }
			);
			expect(decided.status).toBe(200);
			const members = await chair.get(`/api/v1/groups/${slug}/members`);
			membershipId = members.json.items[0].id;
		});

		afterAll(async () => {
			await app?.stop();
		});

		it('creates a draft that only officers can see; refuses bad times with field messages', async () => {
			const anonymous = new Client(app.url);
			expect(
				(await anonymous.post(base, { title: 'x', startsAt: inDays(3, 18), endsAt: inDays(3, 19) }))
					.status
			).toBe(401);
			expect(
				(
					await representative.post(base, {
						title: 'x',
						startsAt: inDays(3, 18),
						endsAt: inDays(3, 19)
					})
				).status
			).toBe(403);
			const endFirst = await secretary.post(base, {
				title: 'Bad',
				startsAt: inDays(3, 18),
				endsAt: inDays(3, 17)
			});
			expect(endFirst.status).toBe(400);
			expect(endFirst.json.error.fields.endsAt).toBe('The end must be after the start.');
			const past = await secretary.post(base, {
				title: 'Bad',
				startsAt: inDays(-3, 18),
				endsAt: inDays(-3, 19)
			});
			expect(past.status).toBe(400);
			expect(Object.keys(past.json.error.fields)).toEqual(['startsAt']);
			const created = await secretary.post(base, {
				title: 'Quarterly meeting',
				startsAt: inDays(5, 18),
				endsAt: `${inDays(5, 20)}:00Z`,
				location: 'Riverside Community Centre'
			});
			expect(created.status).toBe(201);
			expect(created.json).toMatchObject({ number: 1, state: 'draft', timeZone: 'UTC' });
			expect(created.headers.get('location')).toBe(`${base}/1`);
			expect((await anonymous.get(`${base}/1`)).status).toBe(404);
			expect((await anonymous.get(base)).json.items).toEqual([]);
			expect((await secretary.get(`${base}/1`)).json.state).toBe('draft');
			expect((await anonymous.get(`/g/${slug}/meetings/1`)).status).toBe(404);
		});

		it('builds and reorders the agenda; a reorder across meetings is refused', async () => {
			const add = (title: string, plannedMinutes: number) =>
				secretary.post(`${base}/1/agenda`, {
					title,
					plannedMinutes,
					description: `About *${title}*`
				});
			const ids: string[] = [];
			for (const [title, minutes] of [
				['Welcome', 10],
				['Custody checks', 45],
				['Any other business', 5]
			] as const) {
				const response = await add(title, minutes);
				expect(response.status).toBe(201);
				ids.push(response.json.id);
			}
			expect((await add('Bad', 0)).json.error.fields.plannedMinutes).toMatch(/1 to 480/);
			expect(
				(await secretary.post(`${base}/1/agenda/${ids[2]}/move`, { direction: 'up' })).status
			).toBe(204);
			const other = await secretary.post(base, {
				title: 'Another',
				startsAt: inDays(12, 18),
				endsAt: inDays(12, 19)
			});
			const across = await secretary.post(`${base}/${other.json.number}/agenda/${ids[0]}/move`, {
				direction: 'down'
			});
			expect(across.status).toBe(404);
			expect(across.json.error.message).toBe('This agenda item is not on this meeting’s agenda.');
			const record = (await secretary.get(`${base}/1`)).json;
			expect(record.agenda.map((i: { title: string }) => i.title)).toEqual([
				'Welcome',
				'Any other business',
				'Custody checks'
			]);
			expect(record.agenda[2].plannedStart).toBe(
				new Date(Date.parse(`${inDays(5, 18)}:00Z`) + 15 * 60_000).toISOString()
			);
		});

		it('uploads PDFs only, within the size limit, and serves them as downloads', async () => {
			const record = (await secretary.get(`${base}/1`)).json;
			const itemId = record.agenda[0].id;
			const upload = (bytes: Uint8Array, name: string) => {
				const form = new FormData();
				form.set('title', 'Quarterly report');
				form.set('file', new Blob([bytes as BlobPart]), name);
				return fetch(`${app.url}${base}/1/agenda/${itemId}/documents`, {
					method: 'POST',
					body: form,
					// A browser sends its Origin with a form post; SvelteKit refuses cross-site ones.
					headers: {
						origin: app.url,
						cookie: [...secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
					}
				});
			};
			const html = await upload(new TextEncoder().encode('<html><script>x</script>'), 'r.pdf');
			expect(html.status).toBe(400);
			expect((await html.json()).error.fields.file).toBe(
				'This file is not a PDF. Upload a PDF document.'
			);
			const big = new Uint8Array(10 * 1024 * 1024 + 10);
			big.set(pdfBytes());
			const tooBig = await upload(big, 'big.pdf');
			expect(tooBig.status).toBe(400);
			expect((await tooBig.json()).error.fields.file).toMatch(/too large/);
			// The audit: one far over the limit (past what the server reads, 11 MB) answered
			// "Internal error" with a stack trace in the log, and the message said 10.5 MB.
			const huge = new Uint8Array(12 * 1024 * 1024);
			huge.set(pdfBytes());
			const wayTooBig = await upload(huge, 'huge.pdf');
			expect(wayTooBig.status).toBe(400);
			expect((await wayTooBig.json()).error.fields.file).toBe(
				'This file is too large: at most 10 MB.'
			);
			const page = new FormData();
			page.set('title', 'Huge');
			page.set('file', new Blob([huge as BlobPart]), 'huge.pdf');
			const pagePost = await fetch(`${app.url}/g/${slug}/meetings/1/items/${itemId}?/upload`, {
				method: 'POST',
				body: page,
				headers: {
					origin: app.url,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					cookie: [...secretary.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				}
			});
			const pageResult = await pagePost.json();
			expect(pageResult.type).toBe('failure');
			expect(pageResult.data).toContain('at most 10 MB');
			// A form posted to a page that takes none is the sender's mistake, not the app's.
			const nowhere = await fetch(`${app.url}/`, {
				method: 'POST',
				body: new URLSearchParams({ a: 'b' }),
				headers: { origin: app.url }
			});
			expect(nowhere.status).toBe(405);
			expect(app.output()).not.toMatch(/unexpected error|\n\s+at /);
			const ok = await upload(pdfBytes(), 'report "final".pdf');
			expect(ok.status).toBe(201);
			const document = await ok.json();
			expect(document.kind).toBe('pdf');
			const link = await secretary.post(`${base}/1/agenda/${itemId}/documents`, {
				title: 'Terms of reference',
				url: 'https://example.org/terms'
			});
			expect(link.status).toBe(201);
			// Still a draft: the paper is not public yet.
			expect((await new Client(app.url).get(document.url)).status).toBe(404);
			const scheduled = await secretary.request('PATCH', `${base}/1`, { state: 'scheduled' });
			expect(scheduled.status).toBe(200);
			const download = await fetch(`${app.url}${document.url}`);
			expect(download.status).toBe(200);
			expect(download.headers.get('content-type')).toBe('application/pdf');
			expect(download.headers.get('content-disposition')).toMatch(
				/^attachment; filename="Quarterly-report\.pdf"; filename\*=UTF-8''Quarterly%20report\.pdf$/
			);
			expect(download.headers.get('x-content-type-options')).toBe('nosniff');
			expect(download.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
			expect(download.headers.get('content-length')).toBe(String(pdfBytes().length));
			expect(Buffer.from(await download.arrayBuffer()).equals(Buffer.from(pdfBytes()))).toBe(true);
			// Kept in the database, not on this instance's disk.
			expect(fs.existsSync(path.join(app.dataDir, 'uploads'))).toBe(false);
		});

		it('publishes the agenda as JSON and CSV with ETags, and as iCalendar', async () => {
			const anonymous = new Client(app.url);
			const json = await anonymous.get(`${base}/1.json`);
			expect(json.status).toBe(200);
			expect(json.json).toMatchObject({ number: 1, state: 'scheduled', mattersArising: [] });
			expect(json.json.agenda[0].documents.map((d: { kind: string }) => d.kind)).toEqual([
				'pdf',
				'link'
			]);
			expect(json.json).not.toHaveProperty('joinCode');
			const etag = json.headers.get('etag')!;
			expect((await anonymous.get(`${base}/1`, { 'if-none-match': etag })).status).toBe(304);
			const csv = await anonymous.get(`${base}/1.csv`);
			expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
			expect(csv.text.split('\r\n')[0]).toContain('section');
			expect(csv.text).toContain('agenda,1');
			const list = await anonymous.get(`${base}.csv`);
			expect(list.text).toContain('Quarterly meeting');
			expect(list.text).not.toContain('Another');

			const feed = await anonymous.get(`/g/${slug}/meetings.ics`);
			expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
			const vevents = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent');
			expect(vevents).toHaveLength(1);
			const event = new ICAL.Event(vevents[0]);
			expect(event.summary).toBe('Meetings API Group: Quarterly meeting');
			expect(event.startDate.toJSDate().toISOString()).toBe(`${inDays(5, 18)}:00.000Z`);
			const single = await anonymous.get(`/g/${slug}/meetings/1.ics`);
			expect(single.headers.get('content-disposition')).toMatch(/^attachment/);
			const again = new ICAL.Event(
				new ICAL.Component(ICAL.parse(single.text)).getFirstSubcomponent('vevent')!
			);
			expect(again.uid).toBe(event.uid);
			expect((await anonymous.get(`/g/${slug}/meetings/2.ics`)).status).toBe(404);
		});

		it('takes proposals and apologies from members, attendance from the secretary', async () => {
			const proposal = await representative.post(`${base}/1/proposals`, {
				title: 'Interpreters',
				why: 'People are questioned without one.'
			});
			expect(proposal.status).toBe(201);
			expect(
				(
					await secretary.post(`/api/v1/groups/${slug}/proposals/${proposal.json.id}/decision`, {
						outcome: 'declined',
						reason: 'x'
					})
				).status
			).toBe(403);
			const declined = await chair.post(
				`/api/v1/groups/${slug}/proposals/${proposal.json.id}/decision`,
				{ outcome: 'declined', reason: 'Already on the next agenda.' }
			);
			expect(declined.json.status).toBe('declined');
			expect((await representative.post(`${base}/1/apologies`, {})).status).toBe(201);
			expect((await secretary.request('PATCH', `${base}/1`, { state: 'live' })).status).toBe(200);
			const recorded = await secretary.request('PUT', `${base}/1/attendance`, {
				entries: [{ membershipId, status: 'apologies' }],
				otherAttendees: 14
			});
			expect(recorded.status).toBe(200);
			const record = (await new Client(app.url).get(`${base}/1`)).json;
			expect(record.attendance).toEqual([
				{
					membershipId,
					organisation: 'Riverside Law Centre',
					status: 'apologies',
					apologiesSentBeforehand: true
				}
			]);
			expect(record.otherAttendees).toBe(14);
			expect(record.proposals[0]).toMatchObject({
				status: 'declined',
				reason: 'Already on the next agenda.',
				organisation: 'Riverside Law Centre'
			});
		});

		it('closes the meeting, after which its agenda cannot change', async () => {
			expect((await secretary.request('PATCH', `${base}/1`, { state: 'closed' })).status).toBe(200);
			const locked = await secretary.post(`${base}/1/agenda`, { title: 'Late', plannedMinutes: 5 });
			expect(locked.status).toBe(409);
			expect(locked.json.error.message).toMatch(/can no longer be changed/);
			const edit = await secretary.request('PATCH', `${base}/1`, { title: 'Renamed' });
			expect(edit.status).toBe(409);
			// Details and state in one request: all or nothing.
			const both = await secretary.request('PATCH', `${base}/2`, {
				title: 'Renamed',
				state: 'live'
			});
			expect(both.status).toBe(409);
			expect((await secretary.get(`${base}/2`)).json.title).toBe('Another');
		});
	});
}
