import { XMLValidator } from 'fast-xml-parser';
import { parseFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startApp, type RunningApp } from '../fixtures/app';
import { describeOnEachDatabase } from '../fixtures/databases';
import { makeGroup, makeGroupWithOfficers, makeUser } from '../fixtures/factories';
import type { Database } from '$lib/server/db';
import { meetings, minutesVersions, type Group, type MeetingState } from '$lib/server/db/schema';
import { appendDecision, type DecisionKind } from '$lib/server/decision-log/log';
import { groupFeed } from '$lib/server/feed/group-feed';
import { translatorFor } from '$lib/server/i18n';

const origin = 'https://openfloor.example.org';
/** A title with everything that could break XML: markup, entities, control characters, a lone surrogate, an emoji. */
const oddTitle = 'Tom & Jerry <b>"quoted"</b> \'apos\' ]]> \u0001\u000b\uFFFE\ud800 😀 شرطة';
const oddTitleInXml = 'Tom & Jerry <b>"quoted"</b> \'apos\' ]]>  😀 شرطة';
const notXmlCharacter = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function parseAtom(xml: string) {
	expect(XMLValidator.validate(xml)).toBe(true);
	expect(xml).not.toMatch(notXmlCharacter);
	const parsed = parseFeed(xml);
	expect(parsed.format).toBe('atom');
	if (parsed.format !== 'atom') throw new Error('not Atom');
	return parsed.feed;
}

async function meeting(
	db: Database,
	group: Group,
	number: number,
	state: MeetingState,
	title: string
) {
	const startsAt = new Date(Date.UTC(2026, 2, number, 18, 30));
	const [row] = await db
		.insert(meetings)
		.values({
			groupId: group.id,
			number,
			title,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 7200_000),
			state,
			cancelNote: state === 'cancelled' ? 'Venue flooded & closed' : null,
			updatedAt: new Date(Date.UTC(2026, 1, number))
		})
		.returning();
	return row;
}

const decide = (
	db: Database,
	group: Group,
	kind: DecisionKind | 'minutes.published',
	organisation?: string
) =>
	db.transaction((tx) =>
		appendDecision(tx, group.id, {
			kind: kind as DecisionKind,
			subject: 'x',
			at: new Date(),
			payload: organisation ? { organisation, reason: 'Meets the criteria <fully>.' } : {}
		})
	);

describeOnEachDatabase('Atom feed', (handle) => {
	it('lists minutes versions, decisions and public meetings as valid Atom', async () => {
		const { db } = handle();
		const { group } = await makeGroupWithOfficers(db);
		const held = await meeting(db, group, 1, 'closed', 'Spring meeting');
		await meeting(db, group, 2, 'scheduled', oddTitle);
		await meeting(db, group, 3, 'cancelled', 'Summer meeting');
		await meeting(db, group, 4, 'draft', 'Secret draft');
		await db.insert(minutesVersions).values([
			{
				meetingId: held.id,
				version: 1,
				markdown: '# Minutes',
				publishedByName: 'Sam Secretary',
				publishedAt: new Date(Date.UTC(2026, 2, 5))
			},
			{
				meetingId: held.id,
				version: 2,
				markdown: '# Minutes, corrected',
				changeNote: 'Corrected the attendance & <apologies>',
				publishedByName: 'Sam Secretary',
				publishedAt: new Date(Date.UTC(2026, 2, 9))
			}
		]);
		await decide(db, group, 'application.accepted', 'Riverside <Tenants> & Friends');
		await decide(db, group, 'minutes.published');

		const xml = await groupFeed(db, group, { origin, t: translatorFor('en'), locale: 'en' });
		const feed = parseAtom(xml);
		expect(feed.id).toMatch(/^tag:openfloor\.example\.org,\d{4}-\d{2}-\d{2}:/);
		expect(feed.title?.value).toContain(group.name);
		expect(feed.links).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ rel: 'self', href: `${origin}/g/${group.slug}/feed.xml` }),
				expect.objectContaining({ rel: 'alternate', href: `${origin}/g/${group.slug}` })
			])
		);
		expect(feed.authors?.[0]?.name).toBe(group.name);

		const entries = feed.entries ?? [];
		// Six, and the two officers' appointments (decisions on the log since issue 13).
		expect(entries).toHaveLength(8);
		expect(new Set(entries.map((e) => e.id)).size).toBe(8);
		for (const entry of entries) {
			expect(entry.id).toMatch(/^tag:/);
			expect(entry.title?.value).toBeTruthy();
			expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
			expect(entry.links?.find((l) => l.rel === 'alternate')?.href).toMatch(
				`${origin}/g/${group.slug}`
			);
			expect(entry.summary?.value).toBeTruthy();
		}
		// The feed's updated is its newest entry's.
		const newest = entries
			.map((e) => e.updated!)
			.sort()
			.at(-1);
		expect(feed.updated).toBe(newest);
		const titles = entries.map((e) => e.title!.value);
		expect(titles).toEqual(
			expect.arrayContaining([
				'Minutes published: meeting 1, Spring meeting',
				'Minutes amended (version 2): meeting 1, Spring meeting',
				'Application accepted: Riverside <Tenants> & Friends',
				'Meeting held: Spring meeting',
				'Meeting cancelled: Summer meeting'
			])
		);
		expect(titles.filter((title) => title === 'Officer appointed')).toHaveLength(2);
		expect(titles.join()).not.toContain('Secret draft');
		// The log's minutes decisions are not repeated: the minutes' own entries say more.
		expect(titles.filter((title) => title === 'Minutes published')).toEqual([]);
		// Stored text lost only what XML cannot hold (the database itself replaced the lone surrogate).
		const odd = titles.find((title) => title?.startsWith('Meeting scheduled: Tom'));
		expect(odd?.replace('\uFFFD', '')).toBe(`Meeting scheduled: ${oddTitleInXml}`);
		const amended = entries.find((e) => e.title!.value!.startsWith('Minutes amended'))!;
		expect(amended.summary?.value).toContain('Corrected the attendance & <apologies>');
		expect(amended.links?.[0]?.href).toBe(`${origin}/g/${group.slug}/meetings/1/minutes`);
		const cancelled = entries.find((e) => e.title!.value!.startsWith('Meeting cancelled'))!;
		expect(cancelled.summary?.value).toContain('Venue flooded & closed');
		// The same records give the same ids every time.
		const again = parseAtom(
			await groupFeed(db, group, { origin, t: translatorFor('ar'), locale: 'ar' })
		);
		expect(again.entries?.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
		expect(again.title?.value).not.toBe(feed.title?.value);
	});

	it('keeps the latest 50 entries, and is valid when empty', async () => {
		const { db } = handle();
		// A group whose log is empty: no officer appointed yet.
		const group = await makeGroup(db, await makeUser(db, { siteAdmin: true }));
		const empty = parseAtom(
			await groupFeed(db, group, { origin, t: translatorFor('en'), locale: 'en' })
		);
		expect(empty.entries ?? []).toHaveLength(0);
		expect(empty.updated).toBe(group.createdAt.toISOString());
		for (let n = 1; n <= 60; n++) await meeting(db, group, n, 'scheduled', `Meeting ${n}`);
		const full = parseAtom(
			await groupFeed(db, group, { origin, t: translatorFor('en'), locale: 'en' })
		);
		expect(full.entries).toHaveLength(50);
		expect(full.entries?.[0]?.title?.value).toBe('Meeting scheduled: Meeting 60');
	});
});

describe('Atom feed and search on the built app', () => {
	let app: RunningApp;
	const slug = 'feed-app';
	const adminEmail = 'admin@feed-app.test';
	const adminPassword = 'feed app admin passphrase';

	beforeAll(async () => {
		app = await startApp();
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
					name: 'Feed & <App> Group',
					institution: 'Testshire Police',
					purpose: 'Testing feeds.',
					membershipOpen: true,
					timeZone: 'UTC'
				})
			).status
		).toBe(201);
		expect(
			(await admin.post(`/api/v1/groups/${slug}/roles`, { email: adminEmail, role: 'chair' }))
				.status
		).toBe(201);
		const closed = await admin.post(`/api/v1/groups/${slug}/membership`, {
			open: false,
			reason: 'Full for now',
			reviewOn: '2027-01-31'
		});
		expect(closed.status).toBeLessThan(300);
	});

	afterAll(async () => {
		await app?.stop();
	});

	it('serves the feed as Atom with an ETag, and the group page points to it', async () => {
		const client = new Client(app.url);
		const response = await client.get(`/g/${slug}/feed.xml`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
		const feed = parseAtom(response.text);
		expect(feed.title?.value).toContain('Feed & <App> Group');
		// The closure, and the group's first decision: the site administrator appointing its chair.
		expect(feed.entries?.map((e) => e.title?.value)).toEqual([
			'Membership closed',
			'Officer appointed'
		]);
		expect(feed.links?.find((l) => l.rel === 'self')?.href).toBe(`${app.url}/g/${slug}/feed.xml`);
		const etag = response.headers.get('etag')!;
		expect((await client.get(`/g/${slug}/feed.xml`, { 'if-none-match': etag })).status).toBe(304);
		expect((await client.get('/g/no-such-group/feed.xml')).status).toBe(404);
		const page = await client.get(`/g/${slug}`);
		expect(page.text).toContain(`<link rel="alternate" type="application/atom+xml"`);
		expect(page.text).toContain(`href="/g/${slug}/feed.xml"`);
	});

	it('serves the search page without JavaScript, whatever is typed', async () => {
		const client = new Client(app.url);
		const empty = await client.get('/search');
		expect(empty.status).toBe(200);
		expect(empty.text).toContain('name="q"');
		for (const q of ['"(((', '&|:*', '\\', '😀', '%00']) {
			const response = await client.get(`/search?q=${encodeURIComponent(q)}&group=${slug}`);
			expect(response.status).toBe(200);
			expect(response.text).toContain('role="status"');
		}
		const blank = await client.get('/search?q=+');
		expect(blank.status).toBe(200);
		expect(blank.text).toContain('Type what to search for.');
		const long = await client.get(`/search?q=${'a'.repeat(1000)}`);
		expect(long.text).toContain('Shorten the search');
		const badPage = await client.get('/search?q=police&page=99');
		expect(badPage.text).toContain('There is no such page of results.');
		const api = await client.get('/api/v1/search.json?q=%22(((police');
		expect(api.status).toBe(200);
		expect(api.json).toMatchObject({ items: [], total: 0, page: 1, next: null });
		const invalid = await client.get('/api/v1/search?q=');
		expect(invalid.status).toBe(400);
		expect(invalid.json.error).toMatchObject({
			code: 'invalid',
			fields: { q: 'Type what to search for.' }
		});
	});
});
