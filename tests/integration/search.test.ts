import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeOnEachDatabase } from '../fixtures/databases';
import { makeGroupWithOfficers } from '../fixtures/factories';
import { failure } from '../fixtures/errors';
import { rowsOf, type Database } from '$lib/server/db';
import {
	agendaItems,
	groups,
	meetings,
	minutes,
	minutesVersions,
	questions,
	searchDocuments,
	type MeetingState
} from '$lib/server/db/schema';
import { searchPublic } from '$lib/server/search/search';
import { countPublicChange } from '$lib/server/public-cache/versions';
import { isDomainError } from '$lib/server/errors';

type Question = {
	text: string;
	state?: 'published' | 'pending' | 'rejected' | 'withdrawn' | 'merged';
};

async function meeting(
	db: Database,
	groupId: string,
	number: number,
	state: MeetingState,
	day: string,
	content: { agenda?: string[]; questions?: Question[]; minutes?: string[] } = {}
) {
	const startsAt = new Date(`${day}T18:30:00Z`);
	const [row] = await db
		.insert(meetings)
		.values({
			groupId,
			number,
			title: `Meeting on ${day}`,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
			state
		})
		.returning();
	if (content.agenda?.length) {
		await db.insert(agendaItems).values(
			content.agenda.map((title, i) => ({
				meetingId: row.id,
				position: i + 1,
				title,
				description: `About ${title.toLowerCase()}.`,
				plannedMinutes: 15
			}))
		);
	}
	if (content.questions?.length) {
		await db.insert(questions).values(
			content.questions.map((q) => ({
				meetingId: row.id,
				text: q.text,
				anonymous: true,
				state: q.state ?? 'published'
			}))
		);
	}
	if (content.minutes?.length) {
		await db
			.insert(minutes)
			.values({ meetingId: row.id, draft: content.minutes.at(-1)!, publishedVersion: 0 });
		for (const [i, markdown] of content.minutes.entries()) {
			await db.insert(minutesVersions).values({
				meetingId: row.id,
				version: i + 1,
				markdown,
				changeNote: i ? 'Corrected the item on lighting' : null,
				publishedByName: 'Sam Secretary'
			});
		}
	}
	return row;
}

describeOnEachDatabase('search', (handle) => {
	let seeded: Promise<{ a: string; b: string }> | undefined;
	/** Two groups' meetings, seeded once for the suite. */
	const seed = () =>
		(seeded ??= (async () => {
			const db = handle().db;
			const a = (await makeGroupWithOfficers(db)).group;
			const b = (await makeGroupWithOfficers(db)).group;
			await meeting(db, a.id, 1, 'closed', '2026-01-15', {
				agenda: ['Stop and search in Riverside'],
				questions: [
					{ text: 'Why are patrols reduced near the <script>alert(1)</script> school & "park"?' },
					{ text: 'Is x < y & y > z for patrols?' },
					{ text: 'Pending xylophone patrol', state: 'pending' },
					{ text: 'Rejected xylophone patrol', state: 'rejected' },
					{ text: 'Withdrawn xylophone patrol', state: 'withdrawn' },
					{ text: 'Merged xylophone patrol', state: 'merged' }
				],
				minutes: [
					'# Minutes\n\nThe group discussed the lanterns budget.',
					'# Minutes\n\nThe group discussed the streetlights budget.'
				]
			});
			await meeting(db, a.id, 2, 'draft', '2026-06-01', { agenda: ['Quokka patrol plans'] });
			await meeting(db, a.id, 3, 'scheduled', '2026-03-10', { agenda: ['Patrol numbers'] });
			await meeting(db, b.id, 1, 'closed', '2026-02-01', {
				questions: [
					{ text: 'How many patrols happen at night?' },
					...Array.from({ length: 45 }, (_, i) => ({ text: `Kettle question number ${i + 1}` })),
					...Array.from({ length: 120 }, (_, i) => ({ text: `Teapot ${i}` }))
				]
			});
			return { a: a.slug, b: b.slug };
		})());

	it('finds minutes, agenda items and published questions by stemmed words', async () => {
		const { a, b } = await seed();
		const { db } = handle();
		const found = await searchPublic(db, { q: 'patrolling' });
		const kinds = found.results.map((r) => `${r.group.slug === a ? 'a' : 'b'}:${r.kind}`).sort();
		expect(kinds).toEqual(['a:agenda', 'a:question', 'a:question', 'b:question']);
		expect(found.total).toBe(4);
		const agenda = found.results.find((r) => r.kind === 'agenda')!;
		expect(agenda.title).toBe('Patrol numbers');
		expect(agenda.meeting.number).toBe(3);
		expect(agenda.url).toBe(`/g/${a}/meetings/3#item-${agenda.id}`);
		const question = found.results.find((r) => r.group.slug === b)!;
		expect(question.url).toBe(`/g/${b}/meetings/1/live#q-${question.id}`);
		expect(question.snippet).toContain('<mark>patrols</mark>');

		const minutesHit = await searchPublic(db, { q: 'streetlight' });
		expect(minutesHit.results).toHaveLength(1);
		expect(minutesHit.results[0]).toMatchObject({
			kind: 'minutes',
			url: `/g/${a}/meetings/1/minutes`
		});
		expect(minutesHit.results[0].snippet).toContain('<mark>streetlights</mark>');
	});

	it('leaves out drafts, unpublished questions and superseded minutes', async () => {
		await seed();
		const { db } = handle();
		expect((await searchPublic(db, { q: 'quokka' })).total).toBe(0);
		expect((await searchPublic(db, { q: 'xylophone' })).total).toBe(0);
		expect((await searchPublic(db, { q: 'lanterns' })).total).toBe(0);
	});

	it('filters by group and by meeting date', async () => {
		const { a, b } = await seed();
		const { db } = handle();
		const inB = await searchPublic(db, { q: 'patrol', group: b });
		expect(inB.results.map((r) => r.group.slug)).toEqual([b]);
		const later = await searchPublic(db, { q: 'patrol', from: '2026-03-01' });
		expect(later.results.map((r) => [r.group.slug, r.meeting.number])).toEqual([[a, 3]]);
		const january = await searchPublic(db, { q: 'patrol', from: '2026-01-15', to: '2026-01-31' });
		expect(january.results.every((r) => r.group.slug === a && r.meeting.number === 1)).toBe(true);
		expect(january.total).toBe(2);
		const wrongWay = await failure(
			searchPublic(db, { q: 'patrol', from: '2026-02-01', to: '2026-01-01' })
		);
		expect(wrongWay.fields.to?.key).toBe('search.dates_order');
		const badDate = await failure(searchPublic(db, { q: 'patrol', from: '31/01/2026' }));
		expect(badDate.fields.from?.key).toBe('validation.date');
		expect((await searchPublic(db, { q: 'patrol', group: 'no-such-group' })).total).toBe(0);
	});

	it('pages through results in rank order', async () => {
		await seed();
		const { db } = handle();
		const first = await searchPublic(db, { q: 'kettle' });
		expect(first).toMatchObject({ total: 45, page: 1, pageCount: 3 });
		expect(first.results).toHaveLength(20);
		const third = await searchPublic(db, { q: 'kettle', page: '3' });
		expect(third.results).toHaveLength(5);
		const all = new Set(
			[first, await searchPublic(db, { q: 'kettle', page: 2 }), third].flatMap((p) =>
				p.results.map((r) => r.id)
			)
		);
		expect(all.size).toBe(45);
		// Every match is ranked and paged, down to the last one.
		const many = await searchPublic(db, { q: 'teapot' });
		expect(many).toMatchObject({ total: 120, pageCount: 6 });
		const last = await searchPublic(db, { q: 'teapot', page: 6 });
		expect(last.results).toHaveLength(20);
		const pages = await Promise.all(
			[1, 2, 3, 4, 5, 6].map((page) => searchPublic(db, { q: 'teapot', page }))
		);
		expect(new Set(pages.flatMap((p) => p.results.map((r) => r.id))).size).toBe(120);
		const past = await searchPublic(db, { q: 'kettle', page: 4 });
		expect(past).toMatchObject({ total: 45, results: [] });
		for (const page of ['0', '51', 'two', '1.5', -1]) {
			expect((await failure(searchPublic(db, { q: 'kettle', page }))).fields.page?.key).toBe(
				'search.page_range'
			);
		}
	});

	it('escapes snippets: only <mark> is markup', async () => {
		await seed();
		const { db } = handle();
		const found = await searchPublic(db, { q: 'patrols' });
		expect(found.results.length).toBeGreaterThan(0);
		const snippets = found.results.map((r) => r.snippet).join('\n');
		expect(snippets).not.toMatch(/<(?!\/?mark>)/);
		expect(snippets).toContain(
			'Why are <mark>patrols</mark> reduced near the &lt;script&gt;alert(1)&lt;/script&gt; school &amp; &quot;park&quot;?'
		);
		expect(snippets).toMatch(/x &lt; y &amp; y &gt; z/);
	});

	it('never fails on odd input: it finds nothing, or says what to change', async () => {
		await seed();
		const { db } = handle();
		const nasty = [
			'"',
			"'",
			'!',
			'&|',
			':*',
			'(((',
			')))',
			'\\',
			'-',
			'OR',
			'AND',
			'NOT',
			'<->',
			'!!patrol',
			'patrol:*',
			'patrol & | night',
			'"unclosed patrol',
			"o'neil's patrol",
			'patrol -',
			'- -',
			'-patrol',
			'or or or',
			'😀 patrol 🚓',
			'شرطة',
			'巡逻',
			'pa\u0000trol',
			'\u0000',
			'\u0002\u0003',
			'%',
			'_',
			'$1',
			"'; drop table questions; --",
			'\ud800',
			'a'.repeat(200),
			'patrol '.repeat(28),
			'   ',
			'',
			'a'.repeat(1000),
			'x'.repeat(5000)
		];
		for (const q of nasty) {
			try {
				const found = await searchPublic(db, { q });
				expect(found.total).toBeGreaterThanOrEqual(0);
			} catch (error) {
				expect(isDomainError(error), `${JSON.stringify(q.slice(0, 20))}: ${error}`).toBe(true);
				expect(Object.keys((error as { fields: object }).fields)).toEqual(['q']);
			}
		}
		expect((await failure(searchPublic(db, { q: '   ' }))).fields.q?.key).toBe('search.q_required');
		expect((await failure(searchPublic(db, { q: 'a'.repeat(1000) }))).fields.q?.key).toBe(
			'search.q_too_long'
		);
		expect((await failure(searchPublic(db, {}))).fields.q?.key).toBe('search.q_required');
		expect((await searchPublic(db, { q: 'pa\u0000trols' })).total).toBe(0);
		expect((await searchPublic(db, { q: '"patrols happen"' })).total).toBe(1);
		expect((await searchPublic(db, { q: 'patrols -night' })).total).toBe(3);
	});

	describe('each text in its own language', () => {
		const languageOf = async (body: string, groupLanguage: string) => {
			const rows = rowsOf<{ language: string }>(
				await handle().db.execute(
					sql`select search_language(${body}, search_config_of(${groupLanguage}))::text as language`
				)
			);
			return rows[0].language;
		};

		it('tells the language of a text, else takes the group’s', async () => {
			expect(await languageOf('Pourquoi les patrouilles sont-elles réduites ?', 'en')).toBe(
				'french'
			);
			expect(await languageOf('Why are the patrols reduced near the school?', 'fr')).toBe(
				'english'
			);
			expect(await languageOf('لماذا تم تقليص الدوريات قرب المدرسة؟', 'en')).toBe('arabic');
			// Another script (Tigrinya): exact words.
			expect(await languageOf('ፖሊስ ኣብ ከተማ', 'en')).toBe('simple');
			// No sign either way (a short question): the group's language, or exact words.
			expect(await languageOf('Patrouilles nocturnes ?', 'fr')).toBe('french');
			expect(await languageOf('Patrols at night?', 'en')).toBe('english');
			expect(await languageOf('Policía municipal', 'ar')).toBe('simple');
		});

		it('finds English, French and Arabic by their stems, any other language by the exact word', async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			await db.update(groups).set({ language: 'fr' }).where(eq(groups.id, group.id));
			await meeting(db, group.id, 1, 'closed', '2026-05-04', {
				questions: [
					{ text: 'Les gouvernements locaux publient-ils les chiffres des contrôles ?' },
					{ text: 'هل تطالب المجتمعات المحلية بنشر الأرقام؟' },
					{ text: 'Will the governments of the boroughs publish the figures?' },
					{ text: 'ፖሊስ ኣብ ከተማ ብዙሕ እዩ' }
				],
				minutes: ['# Procès-verbal\n\nLes associations ont demandé des réunions publiques.']
			});
			const found = async (q: string) =>
				(await searchPublic(db, { q, group: group.slug })).results.map((r) => r.snippet);
			// French stems: « gouvernement » finds « gouvernements », « réunion » « réunions ».
			expect((await found('gouvernement')).join()).toContain('<mark>gouvernements</mark>');
			expect(await found('réunion')).toHaveLength(1);
			// Arabic stems: مجتمع finds المجتمعات.
			expect((await found('مجتمع')).join()).toContain('<mark>المجتمعات</mark>');
			// English stems, in the same group: "government" finds "governments".
			expect((await found('government')).join()).toContain('<mark>governments</mark>');
			// Exact words only in another language.
			expect(await found('ፖሊስ')).toHaveLength(1);
			// A query in one language changes nothing for another's texts.
			expect(await found('publient')).toHaveLength(1);
			expect(await found('publish')).toHaveLength(1);
		});

		it('reads a group’s texts again when it declares another language', async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			await meeting(db, group.id, 1, 'closed', '2026-05-05', {
				questions: [{ text: 'Patrouilles contrôlées' }]
			});
			const stemmedFrench = async () =>
				(await searchPublic(db, { q: 'contrôle', group: group.slug })).total;
			// An English group: no sign in the text, so English stems (« contrôlées » stays « contrôlé »).
			expect(await stemmedFrench()).toBe(0);
			await db.update(groups).set({ language: 'fr' }).where(eq(groups.id, group.id));
			await db.transaction((tx) => countPublicChange(tx));
			expect(await stemmedFrench()).toBe(1);
		});
	});

	describe('the search documents follow every write', () => {
		const kindsOf = async (q: string) =>
			(await searchPublic(handle().db, { q })).results.map((r) => r.kind);
		const documentsOf = async (meetingId: string) => {
			const [row] = await handle()
				.db.select({ n: count() })
				.from(searchDocuments)
				.where(eq(searchDocuments.meetingId, meetingId));
			return row.n;
		};

		it('a question while it is published, with its answer summary', async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			const row = await meeting(db, group.id, 1, 'closed', '2026-04-02', {
				questions: [
					{ text: 'Will the marmalade fountain be fixed?' },
					{ text: 'Why the bus shelter?' }
				]
			});
			const asked = await db.select().from(questions).where(eq(questions.meetingId, row.id));
			const marmalade = asked.find((q) => q.text.includes('marmalade'))!;
			const shelter = asked.find((q) => q.text.includes('shelter'))!;
			const setState = (state: Question['state']) =>
				db.update(questions).set({ state }).where(eq(questions.id, marmalade.id));
			expect(await kindsOf('marmalade')).toEqual(['question']);
			await setState('rejected');
			expect(await kindsOf('marmalade')).toEqual([]);
			await setState('published');
			expect(await kindsOf('marmalade')).toEqual(['question']);
			await setState('withdrawn');
			expect(await kindsOf('marmalade')).toEqual([]);

			expect(await kindsOf('zeppelin')).toEqual([]);
			await db
				.update(questions)
				.set({ answerStatus: 'answered', answerSummary: 'The zeppelin crew repairs it in May.' })
				.where(eq(questions.id, shelter.id));
			const found = await searchPublic(db, { q: 'zeppelin' });
			expect(found.results.map((r) => r.id)).toEqual([shelter.id]);
			expect(found.results[0].snippet).toContain('<mark>zeppelin</mark>');
		});

		it('an agenda item as it is now', async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			const row = await meeting(db, group.id, 1, 'scheduled', '2026-04-03', {
				agenda: ['Ferret licensing']
			});
			const [item] = await db.select().from(agendaItems).where(eq(agendaItems.meetingId, row.id));
			expect(await kindsOf('ferret')).toEqual(['agenda']);
			await db
				.update(agendaItems)
				.set({ title: 'Badger licensing', description: 'Setts near the ring road.' })
				.where(eq(agendaItems.id, item.id));
			expect(await kindsOf('ferret')).toEqual([]);
			const badger = await searchPublic(db, { q: 'badgers setts' });
			expect(badger.results).toMatchObject([
				{ kind: 'agenda', id: item.id, title: 'Badger licensing' }
			]);
			await db
				.update(agendaItems)
				.set({ presenter: 'Wombat Jones' })
				.where(eq(agendaItems.id, item.id));
			expect(await kindsOf('wombat')).toEqual(['agenda']);
			await db.delete(agendaItems).where(eq(agendaItems.id, item.id));
			expect(await kindsOf('badger')).toEqual([]);
		});

		it("a meeting's minutes by their latest version; nothing once the meeting is gone", async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			const row = await meeting(db, group.id, 1, 'closed', '2026-04-04', {
				agenda: ['Pergola repairs'],
				questions: [{ text: 'Who pays for the pergola?' }],
				minutes: ['# Minutes\n\nThe group discussed the gazebo.']
			});
			expect(await kindsOf('gazebo')).toEqual(['minutes']);
			await db.insert(minutesVersions).values({
				meetingId: row.id,
				version: 2,
				markdown: '# Minutes\n\nThe group discussed the pergola.',
				changeNote: 'It was the pergola.',
				publishedByName: 'Sam Secretary'
			});
			expect(await kindsOf('gazebo')).toEqual([]);
			expect((await kindsOf('pergola')).sort()).toEqual(['agenda', 'minutes', 'question']);
			expect(await documentsOf(row.id)).toBe(3);

			await db.delete(meetings).where(eq(meetings.id, row.id));
			expect(await documentsOf(row.id)).toBe(0);
			expect(await kindsOf('pergola')).toEqual([]);
		});

		it('ranks a strong older match above many weak newer ones', async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			const old = await meeting(db, group.id, 1, 'closed', '2024-01-10', {
				questions: [
					{ text: 'Hedgehog crossings: how many hedgehogs does each hedgehog tunnel save?' }
				]
			});
			await meeting(db, group.id, 2, 'closed', '2026-05-10', {
				questions: Array.from({ length: 130 }, (_, i) => ({
					text: `Question ${i} about the park, its benches, bins, paths, lights, trees, the café and one hedgehog.`
				}))
			});
			const found = await searchPublic(db, { q: 'hedgehog', group: group.slug });
			expect(found).toMatchObject({ total: 131, pageCount: 7 });
			expect(found.results[0].meeting.number).toBe(old.number);
			expect(found.results[1].meeting.number).toBe(2);
			expect(
				(await searchPublic(db, { q: 'hedgehog', group: group.slug, page: 7 })).results
			).toHaveLength(11);
		});

		it('keeps the ranking of a common word until anything public changes', async () => {
			const { db } = handle();
			const { group } = await makeGroupWithOfficers(db);
			const questionsOf = (from: number, to: number) =>
				Array.from({ length: to - from }, (_, i) => ({ text: `Samovar question ${from + i}` }));
			const first = await meeting(db, group.id, 1, 'closed', '2026-04-01', {
				questions: questionsOf(0, 1000)
			});
			await countPublicChange(db); // what the app's own write would have counted
			const search = (page = 1) => searchPublic(db, { q: 'samovar', group: group.slug, page });
			expect((await search()).total).toBe(1000);

			// Written behind the app's back (nothing counted): the kept ranking is still used.
			await db.insert(questions).values({
				meetingId: first.id,
				text: 'A samovar samovar samovar question',
				anonymous: true,
				state: 'published'
			});
			const kept = await search(2);
			expect(kept.total).toBe(1000);
			// A transaction never uses a kept ranking: it sees the new question, best ranked.
			const fresh = await db.transaction((tx) =>
				searchPublic(tx, { q: 'samovar', group: group.slug })
			);
			expect(fresh.total).toBe(1001);
			expect(fresh.results[0].snippet).toContain('<mark>samovar</mark> <mark>samovar</mark>');

			// Once anything public changes, the next search ranks afresh; every page agrees.
			await countPublicChange(db);
			const after = await search();
			expect(after).toMatchObject({ total: 1001, pageCount: 50 });
			expect(after.results.map((r) => r.id)).toEqual(fresh.results.map((r) => r.id));
			const pages = await Promise.all([2, 3].map((page) => search(page)));
			const ids = [after, ...pages].flatMap((p) => p.results.map((r) => r.id));
			expect(new Set(ids).size).toBe(60);
			expect(pages[0].results[0].snippet).toContain('<mark>');
		});
	});
});
