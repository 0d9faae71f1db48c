import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp, signedUp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { attendeeClient } from '../fixtures/live-app';
import { verifyChain } from '$lib/server/decision-log/chain';

const adminEmail = 'admin@minutes-api.test';
const adminPassword = 'minutes api admin passphrase';
const password = 'correct horse battery staple';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

for (const kind of databaseKinds) {
	describe(`minutes API on the built app [${kind}]`, () => {
		let app: RunningApp;
		let secretary: Client;
		let representative: Client;
		let stranger: Client;
		const slug = `minutes-${kind}`;
		const meetings = `/api/v1/groups/${slug}/meetings`;
		const minutes = `${meetings}/1/minutes`;

		const signUp = async (email: string, displayName: string) => {
			return signedUp(app, { email, password, displayName });
		};

		beforeAll(async () => {
			app = await startAppOn(kind);
			expect(
				app.cli('admin-create', ['--email', adminEmail, '--password', adminPassword]).status
			).toBe(0);
			const admin = new Client(app.url);
			await admin.post('/api/v1/session', { email: adminEmail, password: adminPassword });
			expect(
				(
					await admin.post('/api/v1/groups', {
						slug,
						name: 'Minutes API Group',
						institution: 'Testshire Police',
						purpose: 'Testing minutes.',
						membershipOpen: true,
						timeZone: 'UTC'
					})
				).status
			).toBe(201);
			const chair = await signUp('chair@minutes-api.test', 'Chair');
			secretary = await signUp('secretary@minutes-api.test', 'Sam Secretary');
			representative = await signUp('rep@minutes-api.test', 'Rita Representative');
			stranger = await signUp('stranger@minutes-api.test', 'Stranger');
			const roles = `/api/v1/groups/${slug}/roles`;
			await admin.post(roles, { email: 'chair@minutes-api.test', role: 'chair' });
			await chair.post(roles, { email: 'secretary@minutes-api.test', role: 'secretary' });
			const application = await representative.post(`/api/v1/groups/${slug}/applications`, {
				organisation: {
					name: 'Riverside Law Centre',
					category: 'Legal advice',
					area: 'Riverside',
					description: 'Free legal advice.'
				},
				contact: { name: 'Rep', email: 'rep@minutes-api.test' },
				statement: 'We advise people held in custody.'
			});
			await chair.post(`/api/v1/groups/${slug}/applications/${application.json.id}/decision`, {
				outcome: 'accepted'
			});
			const created = await secretary.post(meetings, {
				title: 'Quarterly meeting',
				startsAt: inHours(1),
				endsAt: inHours(3),
				participation: 'open'
			});
			expect(created.status).toBe(201);
			for (const state of ['scheduled', 'live']) {
				expect((await secretary.request('PATCH', `${meetings}/1`, { state })).status).toBe(200);
			}
			const attendee = await attendeeClient(app.url, { group: slug, meeting: 1 });
			const asked = await attendee.post(`${meetings}/1/questions`, {
				text: 'How long are people held while checks are done?',
				anonymous: true
			});
			expect(asked.status).toBe(201);
		});

		afterAll(async () => {
			await app?.stop();
		});

		it('writes minutes only once the meeting has closed, and only as an officer', async () => {
			const early = await secretary.request('PUT', `${minutes}/draft`, { markdown: 'x' });
			expect(early.status).toBe(409);
			expect((await secretary.request('PATCH', `${meetings}/1`, { state: 'closed' })).status).toBe(
				200
			);
			const signedOut = new Client(app.url);
			expect((await signedOut.request('PUT', `${minutes}/draft`, { markdown: 'x' })).status).toBe(
				401
			);
			expect(
				(await representative.request('PUT', `${minutes}/draft`, { markdown: 'x' })).status
			).toBe(403);
			expect((await representative.post(`${minutes}/publish`, {})).status).toBe(403);
			const notJson = await secretary.request('PUT', `${minutes}/draft`, undefined, {
				'content-type': 'application/json'
			});
			expect(notJson.status).toBe(400);
			expect(notJson.json.error.code).toBe('invalid');
			expect((await secretary.request('PUT', `${minutes}/draft`, { markdown: 5 })).status).toBe(
				400
			);
		});

		it('refuses an empty draft, publishes, and amends only with a note and a change', async () => {
			expect(
				(await secretary.request('PUT', `${minutes}/draft`, { markdown: ' \n ' })).status
			).toBe(200);
			const empty = await secretary.post(`${minutes}/publish`, {});
			expect(empty.status).toBe(400);
			expect(empty.json.error.fields.markdown).toBe(
				'The draft is empty: write the minutes before publishing them.'
			);
			const saved = await secretary.request('PUT', `${minutes}/draft`, {
				markdown: '## Attendance\n\n- Present: Riverside Law Centre\n\n<script>alert(1)</script>\n'
			});
			expect(saved.status).toBe(200);
			const v1 = await secretary.post(`${minutes}/publish`, {});
			expect(v1.status).toBe(201);
			expect(v1.json).toMatchObject({ version: 1, changeNote: null, publishedBy: 'Sam Secretary' });
			const noNote = await secretary.post(`${minutes}/publish`, {});
			expect(noNote.status).toBe(400);
			expect(Object.keys(noNote.json.error.fields)).toEqual(['changeNote']);
			const same = await secretary.post(`${minutes}/publish`, { changeNote: 'Nothing' });
			expect(same.status).toBe(409);
		});

		it('serves every version as JSON and CSV with ETags, per meeting and per group', async () => {
			const first = await new Client(app.url).get(`${minutes}.json`);
			expect(first.status).toBe(200);
			expect(first.headers.get('cache-control')).toContain('max-age');
			expect(first.json.items).toHaveLength(1);
			expect(Object.keys(first.json.items[0]).sort()).toEqual(
				['changeNote', 'markdown', 'publishedAt', 'publishedBy', 'version'].sort()
			);
			const etag = first.headers.get('etag')!;
			expect((await new Client(app.url).get(minutes, { 'if-none-match': etag })).status).toBe(304);
			// The minutes page itself (SvelteKit's page ETag): a reader coming back downloads it
			// again only once it changed.
			const page = `/g/${slug}/meetings/1/minutes`;
			const read = await new Client(app.url).get(page);
			const pageTag = read.headers.get('etag')!;
			const again = await new Client(app.url).get(page, { 'if-none-match': pageTag });
			expect(again.status).toBe(304);
			expect(again.text).toBe('');
			await secretary.request('PUT', `${minutes}/draft`, {
				markdown: '## Attendance\n\n- Present: Riverside Law Centre, 12 others\n'
			});
			const v2 = await secretary.post(`${minutes}/publish`, { changeNote: 'Counted others.' });
			expect(v2.status).toBe(201);
			const second = await new Client(app.url).get(minutes, { 'if-none-match': etag });
			expect(second.status).toBe(200);
			const changed = await new Client(app.url).get(page, { 'if-none-match': pageTag });
			expect(changed.status).toBe(200);
			expect(changed.text).toContain('12 others');
			expect(second.json.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
			// One published version never changes: any cache may keep it (issue 15).
			const one = await new Client(app.url).get(`${minutes}/1`);
			expect(one.status).toBe(200);
			expect(one.json).toMatchObject({ version: 1, changeNote: null });
			expect(one.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
			// Its page, `?version=1`: only what was published then (and the log checkpoint signed
			// after it), saying so; immutable once that checkpoint is there (checkpoints-api.test).
			const fixedPage = `/g/${slug}/meetings/1/minutes?version=1`;
			for (const attempt of ['miss', 'hit']) {
				const fixed = await new Client(app.url).get(fixedPage);
				expect(fixed.headers.get('x-openfloor-cache')).toBe(attempt);
				const signed = fixed.text.includes('checkpoint signed after this version');
				expect(fixed.headers.get('cache-control')).toBe(
					signed ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate'
				);
				expect(fixed.text).toContain('exactly as it was published');
				expect(fixed.text).not.toContain('Counted others.'); // version 2's note
				expect(fixed.text).not.toContain('12 others');
				expect(fixed.text).not.toContain('id="corrections"');
			}
			// Signed in, the header names the reader: for them alone.
			const theirs = await representative.get(fixedPage);
			expect(theirs.text).toContain('exactly as it was published');
			expect(theirs.headers.get('cache-control')).toBe('private, no-store');
			// The whole page and a comparison can change: asked again each time.
			for (const changing of [page, `${page}?version=1&from=1&to=2`]) {
				const answer = await new Client(app.url).get(changing);
				expect(answer.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
				expect(answer.text).toContain('Counted others.');
			}
			const oneCsv = await new Client(app.url).get(`${minutes}/2.csv`);
			expect(oneCsv.text).toContain('Counted others.');
			expect((await new Client(app.url).get(`${minutes}/3`)).status).toBe(404);
			const paged = await new Client(app.url).get(`${minutes}?limit=1`);
			expect(paged.json.items).toHaveLength(1);
			const next = await new Client(app.url).get(paged.json.next);
			expect(next.json.items[0].version).toBe(2);
			expect(next.json.next).toBeNull();
			const csv = await new Client(app.url).get(`${minutes}.csv`);
			expect(csv.headers.get('content-type')).toContain('text/csv');
			expect(csv.text.split('\r\n')[0]).toBe('version,markdown,changeNote,publishedAt,publishedBy');
			const group = await new Client(app.url).get(`/api/v1/groups/${slug}/minutes.json?limit=1`);
			expect(group.json.items[0]).toMatchObject({ meetingNumber: 1, version: 1 });
			const rest = await new Client(app.url).get(group.json.next);
			expect(rest.json.items[0]).toMatchObject({ meetingNumber: 1, version: 2 });
			const groupCsv = await new Client(app.url).get(`/api/v1/groups/${slug}/minutes.csv`);
			expect(groupCsv.text.split('\r\n')).toHaveLength(4); // header, two versions, final newline
			expect((await new Client(app.url).get(`${meetings}/99/minutes`)).status).toBe(404);
			// The decision log holds both publications and still verifies.
			const log = await new Client(app.url).get(`/api/v1/groups/${slug}/decisions.json`);
			const kinds = log.json.items.map((e: { kind: string }) => e.kind);
			expect(kinds.slice(-2)).toEqual(['minutes.published', 'minutes.amended']);
			expect(verifyChain(log.json.items).ok).toBe(true);
			const decisions = await new Client(app.url).get(`/g/${slug}/decisions`);
			expect(decisions.text).toContain(`/g/${slug}/meetings/1/minutes?version=2`);
			expect(decisions.text).toContain('Counted others.');
			// The page shows the minutes sanitised.
			const html = await new Client(app.url).get(`/g/${slug}/meetings/1/minutes?version=1`);
			expect(html.status).toBe(200);
			expect(html.text).not.toContain('<script>alert(1)');
		});

		/** A plain form post, as a browser without JavaScript sends it. */
		const postForm = async (client: Client, path: string, fields: [string, string][]) => {
			const response = await fetch(app.url + path, {
				method: 'POST',
				redirect: 'manual',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					origin: app.url,
					cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
				},
				body: new URLSearchParams(fields).toString()
			});
			return { status: response.status, text: await response.text() };
		};

		it('takes corrections from members and declines them with a reason', async () => {
			const refused = await stranger.post(`${minutes}/corrections`, { text: 'Wrong.' });
			expect(refused.status).toBe(403);
			expect((await new Client(app.url).post(`${minutes}/corrections`, { text: 'x' })).status).toBe(
				401
			);
			expect((await representative.post(`${minutes}/corrections`, { text: '' })).status).toBe(400);
			const submitted = await representative.post(`${minutes}/corrections`, {
				text: 'We also raised interpreters.'
			});
			expect(submitted.status).toBe(201);
			expect(submitted.json).toMatchObject({
				state: 'submitted',
				version: 2,
				authorName: 'Rita Representative',
				organisation: 'Riverside Law Centre'
			});
			const decline = `${minutes}/corrections/${submitted.json.id}/decline`;
			expect((await representative.post(decline, { reason: 'No.' })).status).toBe(403);
			expect((await secretary.post(decline, {})).status).toBe(400);
			const declined = await secretary.post(decline, { reason: 'Not raised at this meeting.' });
			expect(declined.status).toBe(200);
			expect(declined.json).toMatchObject({
				state: 'declined',
				reason: 'Not raised at this meeting.'
			});
			expect((await secretary.post(decline, { reason: 'Again.' })).status).toBe(409);
			expect(
				(
					await secretary.post(
						`${minutes}/corrections/00000000-0000-4000-8000-000000000000/decline`,
						{ reason: 'x' }
					)
				).status
			).toBe(404);
			const list = await new Client(app.url).get(`${minutes}/corrections.json`);
			expect(list.json.items[0]).toMatchObject({
				state: 'declined',
				text: 'We also raised interpreters.'
			});
			const page = await new Client(app.url).get(`/g/${slug}/meetings/1/minutes`);
			expect(page.text).toContain('Not raised at this meeting.');
		});

		it('works without JavaScript: the editor previews, publishes and declines; the public page reads', async () => {
			const page = `/g/${slug}/meetings/1/minutes`;
			expect((await representative.get(`${page}/edit`)).status).toBe(403);
			const editor = await secretary.get(`${page}/edit`);
			expect(editor.status).toBe(200);
			expect(editor.text).toContain('<textarea');
			const preview = await postForm(secretary, `${page}/edit?/preview`, [
				['markdown', '## Preview me\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>']
			]);
			expect(preview.status).toBe(200);
			expect(preview.text).toContain('<h2>Preview me</h2>');
			expect(preview.text).not.toMatch(/<img|href="javascript/);
			// The preview saved nothing.
			const api = await new Client(app.url).get(`${minutes}.json`);
			expect(api.json.items.at(-1).markdown).not.toContain('Preview me');
			const noNote = await postForm(secretary, `${page}/edit?/publish`, [['changeNote', '']]);
			expect(noNote.status).toBe(400);
			const saved = await postForm(secretary, `${page}/edit?/save`, [
				['markdown', '## Attendance\n\n- Present: Riverside Law Centre and 14 others\n']
			]);
			expect(saved.status).toBe(200);
			const published = await postForm(secretary, `${page}/edit?/publish`, [
				['changeNote', 'Recounted.']
			]);
			expect(published.status).toBe(200);
			const corrected = await postForm(representative, `${page}?/correct`, [
				['text', 'The count was 15.']
			]);
			expect(corrected.status).toBe(200);
			expect((await representative.get(page)).text).toContain('name="text"');
			expect((await stranger.get(page)).text).not.toContain('name="text"');
			const pending = await secretary.get(`${page}/edit`);
			const correctionId = /name="correctionId" value="([^"]+)"/.exec(pending.text)![1];
			const noReason = await postForm(secretary, `${page}/edit?/decline`, [
				['correctionId', correctionId],
				['reason', '']
			]);
			expect(noReason.status).toBe(400);
			expect(noReason.text).toContain('aria-invalid="true"');
			const publicPage = await new Client(app.url).get(`${page}?from=1&to=3`);
			expect(publicPage.status).toBe(200);
			expect(publicPage.text).toContain('Recounted.');
			expect(publicPage.text).toContain('The count was 15.');
			expect(publicPage.text).toMatch(/<ins><span class="visually-hidden">added:<\/span>/);
			// The page's print stylesheet (in the page: svelte.config.js inlineStyleThreshold): a serif
			// body, and forms and navigation hidden.
			const sheets = [...publicPage.text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(
				(m) => m[1]
			);
			expect(sheets.join('\n')).toMatch(/@media print\{[^@]*Georgia/);
			expect((await new Client(app.url).get(`${page}?version=9`)).status).toBe(404);
			expect((await new Client(app.url).get(`/g/${slug}/meetings/1`)).text).toContain(
				`href="/g/${slug}/meetings/1/minutes"`
			);
		});
	});
}
