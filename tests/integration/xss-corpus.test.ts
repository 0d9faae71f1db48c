import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startAppOn, type RunningApp } from '../fixtures/app';
import { databaseKinds } from '../fixtures/databases';
import { misstatedFields } from '../fixtures/form-labels';
import { jsonEndpoints } from '../fixtures/fuzz';
import { seedCorpus, type Seeded } from '../fixtures/xss-seed';
import { Corpus, payloads, schemaTextFields, urlPayloads } from '../fixtures/xss';
import {
	checkCsv,
	checkHtml,
	checkIcs,
	checkJson,
	checkXml,
	Findings
} from '../fixtures/xss-checks';

/**
 * Issue 16, S5: every payload of an XSS and injection corpus in every free-text field the app
 * takes (found in its validation schemas), then every output that shows them read back on the
 * built app: server-rendered pages (public, officers', applicants', answers to form posts), the
 * Atom feeds, the CSV exports, search, minutes versions and diffs, iCalendar, the JSON API and
 * socket messages. Nothing may be live markup; formulas are neutralised; data comes back as
 * written. The checks themselves are tested first, on outputs that are live.
 */

describe('the XSS checks find a live payload', () => {
	const corpus = new Corpus();
	const script = corpus.value('test', 40); // the first payload: a formula
	const html = corpus.value('test-html', 200);
	const markers = new Set(html.match(/xss\d+m/g));
	const first = [...markers][0];

	it('in HTML: an element, a handler, a javascript: link, a script, a comment', () => {
		for (const live of [
			`<p>${html}</p>`,
			`<p><img src=x onerror="alert('${first}')"></p>`,
			`<a href=" javascript:alert(1)">x</a>`,
			`<script>alert('${first}')</script>`,
			`<!-- ${first} -->`,
			`<div style="color:red" data-x="1"><p style="x:expression(${first})">y</p></div>`,
			`<iframe srcdoc="&lt;script&gt;${first}"></iframe>`
		]) {
			const findings = new Findings(corpus);
			checkHtml(findings, 'test', live);
			expect(findings.problems, live).not.toEqual([]);
		}
		const findings = new Findings(corpus);
		const escaped = html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
		checkHtml(
			findings,
			'test',
			`<p title="${escaped}">${escaped}</p><textarea>${escaped}</textarea>`
		);
		expect(findings.problems).toEqual([]);
		expect(findings.seen.size).toBe(markers.size);
	});

	it('in Atom, CSV and JSON', () => {
		const findings = new Findings(corpus);
		checkXml(findings, 'cdata', `<feed><title><![CDATA[${html}]]></title></feed>`);
		checkXml(findings, 'broken', `<feed><title>${html}</title></feed>`);
		checkCsv(findings, 'formula', `name\r\n${script.split(' ')[0]}\r\n`);
		checkCsv(findings, 'semicolon', `name\r\na;b\r\n`);
		checkJson(findings, 'altered', { text: script.slice(1) });
		expect(new Set(findings.problems.map((p) => p.split(':')[0]))).toEqual(
			new Set(['cdata', 'broken', 'formula', 'semicolon', 'altered'])
		);
	});
});

/** Every page of the app, from the file system: `/g/[group]/meetings/[n=integer]` and the like. */
function pageRoutes() {
	const base = path.resolve(import.meta.dirname, '../../src/routes');
	return fs
		.readdirSync(base, { recursive: true, encoding: 'utf8' })
		.filter((f) => path.basename(f) === '+page.svelte')
		.map((f) => '/' + path.dirname(f).split(path.sep).join('/'))
		.map((r) => (r === '/.' ? '/' : r))
		.sort();
}

const fieldsOfSchemas = schemaTextFields();

for (const kind of databaseKinds) {
	describe(`the XSS corpus in every text field, checked in every output [${kind}]`, () => {
		let app: RunningApp;
		let seeded: Seeded;
		const corpus = new Corpus();
		const findings = new Findings(corpus);
		const figures = { outputs: 0, seedMs: 0, readMs: 0 };
		/** Answers not as expected: a page that failed, a wrong content type, no nosniff. */
		const wrong: string[] = [];
		/** Form fields whose label misstates whether they are required (see form-labels.ts). */
		const misstated = new Set<string>();

		const read = async (client: Client | null, pathname: string) => {
			const response = await (client ?? new Client(app.url)).get(pathname);
			figures.outputs++;
			if (response.status >= 500) wrong.push(`${pathname}: ${response.status}`);
			if (response.headers.get('x-content-type-options') !== 'nosniff' && response.status < 300) {
				wrong.push(`${pathname}: no nosniff`);
			}
			return response;
		};

		beforeAll(async () => {
			const started = Date.now();
			app = await startAppOn(kind, { ADDRESS_HEADER: 'x-forwarded-for' });
			seeded = await seedCorpus(app, corpus, kind);
			figures.seedMs = Date.now() - started;
		}, 120_000);

		afterAll(async () => {
			await app?.stop();
			const uses = corpus.uses.size;
			console.log(
				`[${kind}] XSS corpus: ${payloads.length} payloads (+${urlPayloads.length} addresses) in ` +
					`${fieldsOfSchemas.length} fields, ${uses} uses; ${figures.outputs} outputs read back, ` +
					`${seeded?.answers.length} answers to writes, ${seeded?.socketMessages.length} socket ` +
					`messages; ` +
					`${findings.triples.size} payload × field × kind of output seen; ` +
					`marker checks by output: ${JSON.stringify(Object.fromEntries(findings.checks))}; ` +
					`user text with a right-to-left override outside <bdi>/[dir]: ${findings.unisolated} ` +
					`text nodes; seeded in ${figures.seedMs} ms, read in ${figures.readMs} ms`
			);
		});

		it('puts every payload into every free-text field of the schemas', () => {
			expect(fieldsOfSchemas.length).toBeGreaterThan(30);
			expect(corpus.missing(fieldsOfSchemas)).toEqual([]);
		});

		it('refuses every address that would run script, in every field that takes one', () => {
			expect(seeded.refusedUrls).toEqual([]);
		});

		it('shows no payload as live markup on any page, to anyone', async () => {
			const started = Date.now();
			const since = findings.problems.length;
			const { slug, chair, member, applicant, admin } = seeded;
			const values: Record<string, string[]> = {
				'[group]': [slug],
				'[n=integer]': seeded.meetings.map(String),
				'[id]': seeded.applications
			};
			const urls: { client: Client | null; url: string }[] = [];
			for (const route of pageRoutes()) {
				if (route.includes('[item]')) {
					for (const item of seeded.agendaItems) {
						const url = route
							.replace('[group]', slug)
							.replace('[n=integer]', String(item.meeting))
							.replace('[item]', item.id);
						urls.push({ client: null, url }, { client: chair, url });
					}
					continue;
				}
				let expanded = [route];
				for (const [param, options] of Object.entries(values)) {
					expanded = expanded.flatMap((u) =>
						u.includes(param) ? options.map((o) => u.replace(param, o)) : [u]
					);
				}
				for (const url of expanded) urls.push({ client: null, url }, { client: chair, url });
			}
			for (const light of seeded.lightSlugs) urls.push({ client: null, url: `/g/${light}` });
			const minutes = `/g/${slug}/meetings/${seeded.liveMeeting}/minutes`;
			const live = `/g/${slug}/meetings/${seeded.liveMeeting}`;
			for (const client of [null, member]) {
				urls.push(
					{ client, url: minutes },
					{ client, url: `${minutes}?version=1` },
					{ client, url: `${minutes}?from=1&to=2` },
					{ client, url: `${live}/live?sort=recent` }
				);
			}
			urls.push(
				{ client: chair, url: `${live}/moderate?reject=${seeded.questions[0]}` },
				{ client: chair, url: `${live}/moderate?merge=${seeded.questions[1]}` },
				{ client: admin, url: '/admin' },
				{ client: admin, url: '/admin/audit' },
				{ client: admin, url: `/admin/audit?group=${slug}` },
				{ client: member, url: `/g/${slug}/applications/${seeded.applications[0]}` },
				{ client: applicant, url: `/g/${slug}/applications/${seeded.applications[3]}` },
				...seeded.accounts.map((client) => ({ client, url: '/account' }))
			);
			// Search: everything with the word the payloads share, page by page; and each payload
			// typed as the query (the page shows it back).
			for (let page = 1; page <= 5; page++)
				urls.push({ client: null, url: `/search?q=alert&page=${page}` });
			for (let i = 0; i < payloads.length; i++) {
				const q = corpus.value('echo:search', 200);
				urls.push({ client: null, url: `/search?q=${encodeURIComponent(q)}` });
			}
			urls.push({
				client: null,
				url: `/g/${encodeURIComponent(corpus.value('echo:path', 100))}`
			});
			let ok = 0;
			for (const { client, url } of urls) {
				const response = await read(client, url);
				if (response.status === 200) ok++;
				if (
					response.status < 300 &&
					!response.headers.get('content-type')?.startsWith('text/html')
				) {
					wrong.push(`${url}: ${response.headers.get('content-type')}`);
				}
				checkHtml(findings, `${client ? 'signed in' : 'anonymous'} ${url}`, response.text);
				for (const field of misstatedFields(response.text)) misstated.add(`${url}: ${field}`);
			}
			// Pages answered to form posts, and the seed's own answers.
			for (const answer of seeded.answers) {
				if (answer.type?.startsWith('text/html')) checkHtml(findings, answer.label, answer.text);
			}
			figures.readMs += Date.now() - started;
			expect(wrong).toEqual([]);
			expect(ok).toBeGreaterThan(urls.length / 2);
			expect(findings.problems.slice(since)).toEqual([]);
		}, 120_000);

		// A right-to-left override in user text reverses what follows it on its line (a status, a
		// count, the rest of a sentence) unless the text is isolated: <bdi>, or an element with
		// `dir`. Not yet everywhere (209 text nodes before 2026-12-06, 40 since; most of the rest
		// are in <title>, where no element can isolate text): this keeps the count
		// from growing unnoticed, and should come down with it.
		it('leaves user text with a right-to-left override unisolated in no more places than known', () => {
			expect(findings.unisolated).toBeLessThanOrEqual(40);
		});

		it('marks every field a form may be sent without, and no required one as optional', () => {
			expect([...misstated]).toEqual([]);
		});

		it('keeps every Atom feed well-formed, with the payloads as text', async () => {
			const since = findings.problems.length;
			for (const group of [seeded.slug, ...seeded.lightSlugs]) {
				const feed = await read(null, `/g/${group}/feed.xml`);
				expect(feed.status).toBe(200);
				expect(feed.headers.get('content-type')).toContain('application/atom+xml');
				checkXml(findings, `/g/${group}/feed.xml`, feed.text);
			}
			expect(findings.problems.slice(since)).toEqual([]);
		});

		it('keeps every calendar well-formed, with the payloads as text', async () => {
			const since = findings.problems.length;
			const urls = [
				`/g/${seeded.slug}/meetings.ics`,
				...seeded.meetings.map((n) => `/g/${seeded.slug}/meetings/${n}.ics`)
			];
			for (const url of urls) {
				const ics = await read(null, url);
				if (ics.status === 404) continue; // a draft's calendar is not public
				expect(ics.status, url).toBe(200);
				checkIcs(findings, url, ics.text);
			}
			expect(findings.problems.slice(since)).toEqual([]);
		});

		it('names a downloaded paper safely, whatever its title', async () => {
			const { pdf } = seeded;
			const response = await read(
				seeded.chair,
				`/g/${seeded.slug}/meetings/${pdf.meeting}/documents/${pdf.id}`
			);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-disposition')).toMatch(
				/^attachment; filename="[\w.-]+"; filename\*=UTF-8''[\w%!'()*.~-]+$/
			);
		});

		it('answers every JSON and CSV export, and socket message, with the exact text', async () => {
			const started = Date.now();
			const since = findings.problems.length;
			const { slug, chair, admin } = seeded;
			const api = `/api/v1/groups/${slug}`;
			const actions = (await read(null, `${api}/actions`)).json.items.map(
				(a: { id: string }) => a.id
			);
			const written = (await read(null, `${api}/written`)).json.items.map(
				(w: { id: string }) => w.id
			);
			const fill: Record<string, string[]> = {
				group: [slug],
				'written/[id]': written,
				n: seeded.meetings.map(String),
				'applications/[id]': seeded.applications,
				'actions/[id]': actions,
				// The live meeting's motions: one carried, the others declined.
				motion: ['1', '2'],
				// One published version of a meeting's minutes (a 404 where there is none).
				'version=integer': ['1', '2', '3']
			};
			const urls: string[] = [];
			const unfilled: string[] = [];
			for (const endpoint of jsonEndpoints().filter((e) => e.methods.includes('GET'))) {
				let expanded = [`/api/${endpoint.route}`];
				for (const param of endpoint.params) {
					const options = fill[`${param.after}/[${param.name}]`] ?? fill[param.name];
					if (!options) {
						unfilled.push(endpoint.route);
						expanded = [];
						break;
					}
					expanded = expanded.flatMap((u) => options.map((o) => u.replace(`[${param.name}]`, o)));
				}
				urls.push(...expanded);
			}
			// A catch-all answers 404 in the API's shape; a checkpoint's size is a number.
			expect(unfilled.sort()).toEqual(['[...rest]']);
			urls.push(`/api/v1/search?q=alert`, `/api/v1/search?q=alert&page=2`);
			for (const url of urls) {
				for (const client of [
					null,
					url.includes('/audit') && !url.includes('/groups/') ? admin : chair
				]) {
					const answer = await read(client, url);
					if (answer.status !== 200) continue;
					expect(answer.headers.get('content-type'), url).toContain('application/json');
					checkJson(findings, `${client ? 'officer' : 'anonymous'} ${url}`, answer.json);
					// Lists come as CSV too (the audit trail and single records do not).
					const csv = await read(client, url.replace(/(\?|$)/, '.csv$1'));
					if (csv.status !== 200 || !csv.headers.get('content-type')?.includes('text/csv'))
						continue;
					checkCsv(findings, `${client ? 'officer' : 'anonymous'} ${url}.csv`, csv.text);
				}
			}
			for (const answer of seeded.answers) {
				if (answer.type?.startsWith('application/json')) {
					checkJson(findings, `answer to ${answer.label}`, JSON.parse(answer.text));
				}
			}
			for (const message of seeded.socketMessages) {
				checkJson(findings, `socket ${message.label}`, message.payload, 'socket');
			}
			figures.readMs += Date.now() - started;
			expect(wrong).toEqual([]);
			expect(findings.checks.get('csv')).toBeGreaterThan(100);
			expect(findings.checks.get('socket')).toBeGreaterThan(10);
			expect(findings.problems.slice(since)).toEqual([]);
		}, 120_000);

		it('showed every payload it put in somewhere, as text', () => {
			const unseen = [...corpus.uses.values()].filter(
				(u) => !findings.seen.has(u.marker) && !corpus.retired.has(u.marker)
			);
			expect(unseen.map((u) => `${u.field} ${u.payload} ${u.marker}`)).toEqual([]);
		});
	});
}
