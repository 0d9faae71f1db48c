import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../fixtures/app';
import { liveMeetingOnApp, type MeetingPath } from '../fixtures/live-app';

/** The content of each `<meta name="description">` of a page. */
const descriptions = (html: string) =>
	[...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((m) => m[1]);

/**
 * Lighthouse's SEO audit (issue 17): the ledger, the register and the live page had no
 * description, which search engines and link previews show under the page's title.
 */
describe('public pages describe themselves and come in few requests', () => {
	let app: RunningApp;
	let path: MeetingPath;

	beforeAll(async () => {
		app = await startApp();
		({ path } = await liveMeetingOnApp(app, 'descriptions'));
	});

	afterAll(async () => {
		await app?.stop();
	});

	it('gives each page one description, naming its group', async () => {
		const group = `/g/${path.group}`;
		const pages = [
			group,
			`${group}/ledger`,
			`${group}/applications`,
			`${group}/meetings/${path.meeting}`,
			`${group}/meetings/${path.meeting}/live`
		];
		for (const page of pages) {
			const response = await fetch(app.url + page);
			expect(response.status, page).toBe(200);
			const found = descriptions(await response.text());
			expect(found, page).toHaveLength(1);
			expect(found[0], page).toContain('Group descriptions');
		}
	});

	it('carries its styles in the page, and a reading page no script (one request on a slow phone)', async () => {
		const group = `/g/${path.group}`;
		const reading = ['/', group, `${group}/ledger`, `${group}/meetings/${path.meeting}`];
		for (const page of [...reading, `${group}/meetings/${path.meeting}/live`, '/login']) {
			const html = await (await fetch(app.url + page)).text();
			// svelte.config.js inlineStyleThreshold: a stylesheet grown past it would be a file again.
			expect(html, page).toMatch(/<style[^>]*>[^<]{1000,}/);
			// (Kit leaves each inlined sheet's link in the page, disabled: never fetched.)
			for (const link of html.match(/<link[^>]+rel="stylesheet"[^>]*>/g) ?? []) {
				expect(link, page).toContain('disabled');
			}
			if (reading.includes(page)) expect(html, page).not.toContain('<script');
		}
	});

	it('names the visitor’s language’s messages with the scripts, so they come in the same wave', async () => {
		const live = `/g/${path.group}/meetings/${path.meeting}/live`;
		const preloaded = async (language: string) => {
			const html = await (
				await fetch(app.url + live, { headers: { 'accept-language': language } })
			).text();
			return [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
		};
		const [english, french] = [await preloaded('en'), await preloaded('fr')];
		// One module, each language's own.
		expect(english).toHaveLength(1);
		expect(french).toHaveLength(1);
		expect(english[0]).not.toBe(french[0]);
		expect(await (await fetch(app.url + french[0])).text()).toContain('Votre question');
		expect(await (await fetch(app.url + english[0])).text()).toContain('Your question');
		// A page without scripts names none.
		const group = await (await fetch(`${app.url}/g/${path.group}`)).text();
		expect(group).not.toContain('modulepreload');
	});
});
